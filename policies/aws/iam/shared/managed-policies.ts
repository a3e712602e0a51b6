// AWS managed policies whose verdicts msp-guard knows, as data: an attached managed policy has no document in the
// stack, so its ARN is all a policy sees. Each entry says what the policy amounts to and carries the privileged part
// of its document (the statements that decide administrator access, wildcards, IAM write and escalation methods),
// so that it combines with a principal's other documents: PassRole from one policy and lambda:CreateFunction from
// another is still an escalation. `test/policies/aws/iam/shared/managed-policies.test.ts` checks every entry against
// the real published document. A managed policy missing here is unknown, never assumed harmless.
import { parsePolicyDocument, PolicyDocument } from "../../../lib/iam";
import type { Plain } from "../../../lib/value";

/**
 * What a managed policy amounts to, worst first:
 * - `administrator`: every action on every resource;
 * - `iam-full-access`: all of IAM on every resource, so it can grant itself everything else;
 * - `all-but-actions`: every action except a listed few, on every resource (PowerUserAccess: all but IAM);
 * - `privileged`: whole services on every resource, IAM write or an escalation method;
 * - `unprivileged`: none of these (read-only policies, a user's own password).
 */
export type ManagedAccess = "administrator" | "iam-full-access" | "all-but-actions" | "privileged" | "unprivileged";

export interface ManagedPolicyVerdict {
    /** The policy name, as in its ARN `arn:aws:iam::aws:policy/<path><name>`. */
    readonly name: string;
    /** The ARN path after `policy/`: "" or e.g. "job-function/". */
    readonly path: string;
    readonly access: ManagedAccess;
    /** What it grants, in a few words for messages. */
    readonly summary: string;
    /** The privileged part of its document (IAM JSON statements); empty when it grants nothing privileged. */
    readonly statements: readonly Plain[];
}

const ALL = "*";

export const MANAGED_POLICIES: readonly ManagedPolicyVerdict[] = [
    {
        name: "AdministratorAccess",
        path: "",
        access: "administrator",
        summary: "every action on every resource",
        statements: [{ Effect: "Allow", Action: ALL, Resource: ALL }],
    },
    {
        name: "IAMFullAccess",
        path: "",
        access: "iam-full-access",
        summary: "all of IAM (iam:*) on every resource",
        statements: [{ Effect: "Allow", Action: ["iam:*"], Resource: ALL }],
    },
    {
        name: "PowerUserAccess",
        path: "",
        access: "all-but-actions",
        summary: "every action except IAM, Organizations and Account, on every resource",
        statements: [
            { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: ALL },
            { Effect: "Allow", Action: ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole"], Resource: ALL },
        ],
    },
    {
        name: "SystemAdministrator",
        path: "job-function/",
        access: "privileged",
        summary: "whole services (s3:*, logs:*, route53:* and more), EC2 and Lambda writes, and PassRole on its sysadmin roles",
        statements: [
            {
                Effect: "Allow",
                Action: [
                    "autoscaling:*", "cloudwatch:*", "codedeploy:*", "codepipeline:*", "config:*", "ds:*", "elasticloadbalancing:*", "events:*",
                    "logs:*", "route53:*", "route53domains:*", "ses:*", "sns:*", "sqs:*", "trustedadvisor:*", "s3:*",
                ],
                Resource: ALL,
            },
            {
                Effect: "Allow",
                Action: ["ec2:RunInstances", "lambda:Create*", "lambda:InvokeFunction", "lambda:Update*", "iam:UpdateServerCertificate", "iam:UpdateSigningCertificate", "iam:Upload*"],
                Resource: ALL,
            },
            {
                Effect: "Allow",
                Action: ["iam:PassRole"],
                Resource: ["arn:aws:iam::*:role/rds-monitoring-role", "arn:aws:iam::*:role/ec2-sysadmin-*", "arn:aws:iam::*:role/ecr-sysadmin-*", "arn:aws:iam::*:role/lambda-sysadmin-*"],
            },
        ],
    },
    {
        name: "AWSLambda_FullAccess",
        path: "",
        access: "privileged",
        summary: "all of Lambda (lambda:*) on every resource and PassRole to Lambda",
        statements: [
            { Effect: "Allow", Action: ["lambda:*"], Resource: ALL },
            { Effect: "Allow", Action: "iam:PassRole", Resource: ALL, Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } },
            { Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda" },
        ],
    },
    {
        name: "AWSCloudFormationFullAccess",
        path: "",
        access: "privileged",
        summary: "all of CloudFormation (cloudformation:*) on every resource",
        statements: [{ Effect: "Allow", Action: ["cloudformation:*"], Resource: ALL }],
    },
    { name: "ReadOnlyAccess", path: "", access: "unprivileged", summary: "read-only access to every service", statements: [] },
    { name: "ViewOnlyAccess", path: "job-function/", access: "unprivileged", summary: "listing and describing resources", statements: [] },
    { name: "SecurityAudit", path: "", access: "unprivileged", summary: "reading security configuration", statements: [] },
    { name: "IAMReadOnlyAccess", path: "", access: "unprivileged", summary: "reading IAM", statements: [] },
    { name: "IAMUserChangePassword", path: "", access: "unprivileged", summary: "changing one's own console password", statements: [] },
];

/** `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → path "job-function/", name "ViewOnlyAccess"; any partition. */
export function parseAwsManagedPolicyArn(arn: string): { readonly path: string; readonly name: string } | undefined {
    const match = /^arn:aws[a-z-]*:iam::aws:policy\/((?:[^/]+\/)*)([^/]+)$/.exec(arn);
    return match ? { path: match[1], name: match[2] } : undefined;
}

/** The ARN of an entry in the commercial partition. */
export function managedPolicyArn(entry: Pick<ManagedPolicyVerdict, "path" | "name">): string {
    return `arn:aws:iam::aws:policy/${entry.path}${entry.name}`;
}

/** The verdict for an AWS managed policy ARN, or undefined when the ARN is not one msp-guard knows. */
export function managedPolicyVerdict(arn: string): ManagedPolicyVerdict | undefined {
    const parsed = parseAwsManagedPolicyArn(arn);
    if (!parsed) return undefined;
    return MANAGED_POLICIES.find((p) => p.name === parsed.name && p.path === parsed.path);
}

/** The privileged part of an entry as a document the IAM engine reads. */
export function managedPolicyDocument(entry: ManagedPolicyVerdict): PolicyDocument {
    const parsed = parsePolicyDocument({ Version: "2012-10-17", Statement: [...entry.statements] });
    return parsed.kind === "document" ? parsed.document : { statements: [] };
}
