// Which resource types carry a resource-based policy in which input property, and how to read it as a policy
// document. `aws.lambda.Permission` holds no document: it is one statement spelled as properties (`principal`,
// `sourceAccount`, `principalOrgId`, `action`), read here as the statement Lambda adds to the function's policy.
import { ParsedDocument, parsePolicyDocument } from "../../../lib/iam";
import { isUnknown, Plain, PlainObject } from "../../../lib/value";

export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";

/** Resource types whose inputs hold a resource-based policy document (JSON string or object), by property. */
export const RESOURCE_POLICY_PROPERTIES: ReadonlyMap<string, string> = new Map([
    ["aws:s3/bucketPolicy:BucketPolicy", "policy"],
    ["aws:s3/bucket:Bucket", "policy"],
    ["aws:s3/bucketV2:BucketV2", "policy"],
    ["aws:sqs/queuePolicy:QueuePolicy", "policy"],
    ["aws:sqs/queue:Queue", "policy"],
    ["aws:sns/topicPolicy:TopicPolicy", "policy"],
    ["aws:sns/topic:Topic", "policy"],
    ["aws:kms/key:Key", "policy"],
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", "policy"],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", "policy"],
    ["aws:glacier/vault:Vault", "accessPolicy"],
    ["aws:backup/vaultPolicy:VaultPolicy", "policy"],
]);

/** Every type whose resource policy can be read: the documents above and Lambda permissions. */
export const RESOURCE_POLICY_TYPES: readonly string[] = [...RESOURCE_POLICY_PROPERTIES.keys(), LAMBDA_PERMISSION];

/** The action a Lambda permission grants when `action` is omitted (the provider requires it; this is a fallback). */
const LAMBDA_DEFAULT_ACTION = "lambda:InvokeFunction";

/** A principal string naming an AWS service (`s3.amazonaws.com`, `events.amazonaws.com.cn`), as Lambda reads it. */
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/i;

function lambdaPrincipal(principal: Plain): Plain {
    if (isUnknown(principal)) return { AWS: principal };
    const value = typeof principal === "number" ? String(principal) : principal;
    if (typeof value !== "string") return value;
    if (value === "*") return "*";
    return SERVICE_PRINCIPAL.test(value) ? { Service: value } : { AWS: value };
}

/** A Lambda permission as the policy statement it adds. */
export function lambdaPermissionDocument(props: PlainObject): ParsedDocument {
    if (props.principal === undefined || props.principal === null) return { kind: "absent" };
    const condition: PlainObject = {};
    const equals: PlainObject = {};
    if (props.sourceAccount !== undefined && props.sourceAccount !== null) equals["aws:SourceAccount"] = props.sourceAccount;
    if (props.principalOrgId !== undefined && props.principalOrgId !== null) equals["aws:PrincipalOrgID"] = props.principalOrgId;
    if (Object.keys(equals).length > 0) condition.StringEquals = equals;
    const statement: PlainObject = { Effect: "Allow", Action: props.action ?? LAMBDA_DEFAULT_ACTION, Principal: lambdaPrincipal(props.principal), Condition: condition };
    if (typeof props.statementId === "string" && props.statementId !== "") statement.Sid = props.statementId;
    return parsePolicyDocument({ Version: "2012-10-17", Statement: [statement] });
}

export interface ResourcePolicyReading {
    /** The input property that holds the policy (for Lambda permissions, `principal`). */
    readonly property: string;
    readonly document: ParsedDocument;
}

/** The resource policy a resource's inputs carry; undefined for a type that carries none. */
export function resourcePolicyOf(type: string, props: PlainObject): ResourcePolicyReading | undefined {
    if (type === LAMBDA_PERMISSION) return { property: "principal", document: lambdaPermissionDocument(props) };
    const property = RESOURCE_POLICY_PROPERTIES.get(type);
    return property === undefined ? undefined : { property, document: parsePolicyDocument(props[property]) };
}
