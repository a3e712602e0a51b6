// Defining a policy, and the one wrapper every policy goes through on its way to `@pulumi/policy`.
//
// A policy module declares its metadata once, beside its check (`resourcePolicy({...})` / `stackPolicy({...})`).
// The wrapper turns it into a Pulumi policy and does, once for all policies: type filtering, plain unknown-aware
// props, typed config with defaults, exemptions, message formatting, secret scrubbing, and turning an exception
// into a finding instead of a failed `pulumi preview`.
import type {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { makeConfigReader } from "./config";
import { ConfigExemption, ExemptionDecision, decideExemption, exemptionsOption, formatExempted } from "./exemptions";
import { formatCannotVerify, formatMessage, MessageParts } from "./message";
import {
    Area,
    Cloud,
    EnforcementLevel,
    FRAMEWORK,
    RecommendationId,
    Severity,
    defaultEnforcementLevel,
    docUrl,
} from "./metadata";
import { ConfigOf, Options, toConfigSchema } from "./options";
import { makeScrubber, secretValuesOf } from "./secrets";
import { TagReading, readTags } from "./tags";
import { toPlainObject } from "./values";
import type { PlainObject } from "../lib/value";

// ---------------------------------------------------------------------------------------------------------------
// What a policy module declares.

interface PolicyMetadata<O extends Options> {
    /** Stable kebab-case name, prefixed by cloud; it mirrors the module's path. Never renamed once published. */
    name: string;
    /** The requirement, as one sentence. */
    description: string;
    severity: Severity;
    /** AA22-131A recommendation ids this policy serves. */
    recommendations: readonly RecommendationId[];
    area: Area;
    /** How to fix a finding, for a person editing their program. */
    remediation: string;
    /** Type tokens the policy reads, renamed and aliased ones included; `aws:*` for every type of a provider. */
    types: readonly string[];
    /** Knobs, shared settings included; `exemptions` is added to every policy. */
    config?: O;
    /** Only when the default for the severity does not fit, with the reason beside it. */
    enforcementLevel?: EnforcementLevel;
    /** A retired policy stays registered, disabled, so its name is never reused. */
    deprecated?: string;
}

export interface ResourceView {
    type: string;
    name: string;
    urn: string;
    /** Plain input properties: unknown values are the UNKNOWN marker. */
    props: PlainObject;
}

export interface StackResourceView extends ResourceView {
    parent?: string;
    dependencies: readonly string[];
    propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export interface StackView {
    /** Every resource of the stack. */
    resources: readonly StackResourceView[];
    /** The resources of the given types (the policy's own types when none are given). */
    ofType(...types: string[]): StackResourceView[];
    byUrn(urn: string): StackResourceView | undefined;
}

export interface Finding extends MessageParts {
    /** The resource the finding is about; stack policies must set it. */
    urn?: string;
    /** When one finding is worse (or milder) than the policy's usual severity. */
    severity?: Severity;
    /**
     * An advisory finding of a policy that is otherwise mandatory (a secondary check beside the main one): the
     * diagnostic is advisory whatever level the policy is configured at. A disabled policy still reports nothing.
     */
    advisory?: boolean;
}

export interface Context<O extends Options> {
    config: ConfigOf<O>;
    report(finding: Finding): void;
    /** The verdict depends on a value unknown during preview: an advisory note, never a violation. */
    cannotVerify(finding: Finding): void;
}

export interface ResourcePolicyDefinition<O extends Options> extends PolicyMetadata<O> {
    validate(resource: ResourceView, context: Context<O>): void;
    /**
     * The safe automatic fix, used when the enforcement level is `remediate`: the property values to set, or
     * undefined to leave the resource as it is.
     */
    remediate?(resource: ResourceView, config: ConfigOf<O>): Record<string, unknown> | undefined;
}

export interface StackPolicyDefinition<O extends Options> extends PolicyMetadata<O> {
    validate(stack: StackView, context: Context<O>): void;
}

// ---------------------------------------------------------------------------------------------------------------
// What the registry holds.

/** A finding as the wrapper hands it to the SDK (and to direct-call tests). */
export interface Diagnostic {
    message: string;
    urn?: string;
    severity?: Severity;
    /** Set when the finding is advisory whatever the configured level (cannot verify, exempted, notes). */
    enforcementLevel?: "advisory";
}

interface PolicyBase {
    name: string;
    cloud: Cloud;
    description: string;
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    recommendations: readonly RecommendationId[];
    area: Area;
    remediation: string;
    types: readonly string[];
    options: Options;
    deprecated?: string;
    /** The policy as `@pulumi/policy` takes it. */
    toPulumiPolicy(): ResourceValidationPolicy | StackValidationPolicy;
}

export interface ResourcePolicy extends PolicyBase {
    kind: "resource";
    appliesTo(type: string): boolean;
    evaluate(resource: ResourceInput, rawConfig?: Record<string, unknown>): Diagnostic[];
    remediable: boolean;
}

export interface StackPolicy extends PolicyBase {
    kind: "stack";
    evaluate(resources: readonly StackResourceInput[], rawConfig?: Record<string, unknown>): Diagnostic[];
}

export type MspPolicy = ResourcePolicy | StackPolicy;

/** A resource as the wrapper receives it: props may still be SDK proxies with unknown sentinels. */
export interface ResourceInput {
    type: string;
    name: string;
    urn: string;
    props: unknown;
}

export interface StackResourceInput extends ResourceInput {
    parent?: string;
    dependencies?: readonly string[];
    propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

// ---------------------------------------------------------------------------------------------------------------
// The wrapper.

function cloudOf(name: string): Cloud {
    if (name.startsWith("aws-")) return "aws";
    if (name.startsWith("azure-")) return "azure";
    throw new Error(`Policy name "${name}" must start with "aws-" or "azure-".`);
}

/** Matches type tokens as policies list them: exact tokens, and `provider:*` for every type of a provider. */
export function typeMatcher(types: readonly string[]): (type: string) => boolean {
    const exact = new Set(types.filter((t) => !t.endsWith(":*")));
    const prefixes = types.filter((t) => t.endsWith(":*")).map((t) => t.slice(0, -1));
    return (type) => exact.has(type) || prefixes.some((p) => type.startsWith(p));
}

type FullOptions<O extends Options> = O & { exemptions: typeof exemptionsOption };

/** Everything both policy kinds share: metadata, config, and turning raw findings into diagnostics. */
function base<O extends Options>(def: PolicyMetadata<O>) {
    const cloud = cloudOf(def.name);
    const options = { ...(def.config ?? ({} as O)), exemptions: exemptionsOption } as FullOptions<O>;
    const readConfig = makeConfigReader(options);
    const enforcementLevel: EnforcementLevel = def.deprecated ? "disabled" : (def.enforcementLevel ?? defaultEnforcementLevel(def.severity));
    const reportedConfigProblems = new Set<string>();

    const info = {
        name: def.name,
        cloud,
        description: def.description,
        severity: def.severity,
        enforcementLevel,
        recommendations: def.recommendations,
        area: def.area,
        remediation: def.remediation,
        types: def.types,
        options: options as Options,
        deprecated: def.deprecated,
    };

    const pulumiMetadata = {
        name: def.name,
        description: def.description,
        enforcementLevel,
        severity: def.severity,
        framework: { ...FRAMEWORK, specification: def.recommendations.join(", ") },
        tags: [cloud, def.area, ...def.recommendations],
        remediationSteps: def.remediation,
        url: docUrl(def.name),
        configSchema: toConfigSchema(options),
    };

    /**
     * Runs a validator and returns its diagnostics, with exemptions applied and secrets scrubbed. `tagsOf`
     * finds the tags of the resource a finding is about.
     */
    function run(
        rawConfig: Record<string, unknown>,
        defaultUrn: string | undefined,
        tagsOf: (urn: string | undefined) => TagReading,
        secrets: () => readonly string[],
        validate: (context: Context<O>) => void,
    ): Diagnostic[] {
        const { config, problems } = readConfig(rawConfig);
        const diagnostics: Diagnostic[] = [];
        const configKey = problems.join("|");
        if (problems.length > 0 && !reportedConfigProblems.has(configKey)) {
            reportedConfigProblems.add(configKey);
            diagnostics.push({ message: `Policy ${def.name}: ${problems.join("; ")}.`, enforcementLevel: "advisory" });
        }
        const now = Date.now();
        const exemptions = (config as ConfigOf<FullOptions<O>>).exemptions as readonly ConfigExemption[];
        const emit = (finding: Finding, message: string, advisory: boolean) => {
            const urn = finding.urn ?? defaultUrn;
            const decision: ExemptionDecision = urn ? decideExemption(def.name, urn, tagsOf(urn), exemptions, now) : { kind: "none" };
            const diagnostic: Diagnostic = { message, urn: finding.urn, severity: finding.severity };
            if (advisory) diagnostic.enforcementLevel = "advisory";
            switch (decision.kind) {
                case "waived":
                    diagnostic.message = formatExempted(message, decision);
                    diagnostic.enforcementLevel = "advisory";
                    break;
                case "invalid":
                    diagnostic.message = `${message} (An exemption by ${decision.source} names this policy but is not applied: ${decision.problem}.)`;
                    break;
                case "unknown":
                    // The resource may be exempted by tags that are unknown during preview: never a violation.
                    diagnostic.message = `${message} (Whether an exemption tag waives this cannot be known during preview.)`;
                    diagnostic.enforcementLevel = "advisory";
                    break;
            }
            diagnostics.push(diagnostic);
        };
        const context: Context<O> = {
            config: config as ConfigOf<O>,
            report: (finding) => emit(finding, formatMessage(finding, def.remediation, def.recommendations), finding.advisory === true),
            cannotVerify: (finding) => emit(finding, formatCannotVerify(finding, def.recommendations), true),
        };
        try {
            validate(context);
        } catch (error) {
            // A policy that throws would fail the user's whole preview; report the fault instead, and say where.
            const reason = error instanceof Error ? error.message : String(error);
            diagnostics.push({
                message: `Policy ${def.name} could not evaluate this resource (${reason}). This is a defect in msp-guard; please report it.`,
                urn: defaultUrn,
                enforcementLevel: "advisory",
            });
        }
        if (diagnostics.length > 0) {
            const scrub = makeScrubber(secrets());
            for (const d of diagnostics) d.message = scrub(d.message);
        }
        return diagnostics;
    }

    return { info, pulumiMetadata, readConfig, run, enforcementLevel };
}

/**
 * Sends diagnostics through the SDK. The SDK's callback also takes a policy-info object (its type says only
 * string): that form lets a single finding be advisory or carry its own severity. The description is put above
 * the message, as the SDK does for plain messages.
 */
function send(reportViolation: ReportViolation, description: string, diagnostics: Diagnostic[]): void {
    const report = reportViolation as unknown as (info: { message: string; urn?: string; enforcementLevel?: string; severity?: string }) => void;
    for (const d of diagnostics) {
        report({ message: `${description}\n${d.message}`, urn: d.urn, enforcementLevel: d.enforcementLevel, severity: d.severity });
    }
}

export function resourcePolicy<O extends Options = Record<string, never>>(def: ResourcePolicyDefinition<O>): ResourcePolicy {
    const { info, pulumiMetadata, readConfig, run } = base(def);
    const appliesTo = typeMatcher(def.types);

    const evaluate = (input: ResourceInput, rawConfig: Record<string, unknown> = {}): Diagnostic[] => {
        if (!appliesTo(input.type)) return [];
        const resource: ResourceView = { type: input.type, name: input.name, urn: input.urn, props: toPlainObject(input.props) };
        return run(
            rawConfig,
            input.urn,
            () => readTags(resource.props),
            () => secretValuesOf(input.props),
            (context) => def.validate(resource, context),
        );
    };

    const validateResource = (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        if (!appliesTo(args.type)) return;
        const diagnostics = evaluate({ type: args.type, name: args.name, urn: args.urn, props: args.props }, args.getConfig<Record<string, unknown>>());
        // Resource findings are about the resource being analysed; the engine attaches its urn itself.
        send(reportViolation, def.description, diagnostics.map((d) => ({ ...d, urn: undefined })));
    };
    // The SDK skips a policy without deserializing the resource when the validator names its one type.
    if (def.types.length === 1 && !def.types[0].endsWith(":*")) {
        (validateResource as unknown as { __pulumiType: string }).__pulumiType = def.types[0];
    }

    const remediateResource = def.remediate
        ? (args: ResourceValidationArgs) => {
              if (!appliesTo(args.type)) return undefined;
              const resource: ResourceView = { type: args.type, name: args.name, urn: args.urn, props: toPlainObject(args.props) };
              const { config } = readConfig(args.getConfig<Record<string, unknown>>());
              const decision = decideExemption(def.name, args.urn, readTags(resource.props), (config as { exemptions: ConfigExemption[] }).exemptions, Date.now());
              if (decision.kind === "waived" || decision.kind === "unknown") return undefined;
              let changes: Record<string, unknown> | undefined;
              try {
                  changes = def.remediate!(resource, config as ConfigOf<O>);
              } catch {
                  return undefined; // A fix that cannot be computed is no fix; Analyze still reports the finding.
              }
              if (!changes) return undefined;
              // Assign through the SDK's proxy so that properties which were secret stay secret.
              const props = args.props as Record<string, unknown>;
              for (const [key, value] of Object.entries(changes)) props[key] = value;
              return props;
          }
        : undefined;

    return {
        ...info,
        kind: "resource",
        appliesTo,
        evaluate,
        remediable: remediateResource !== undefined,
        toPulumiPolicy: (): ResourceValidationPolicy => ({ ...pulumiMetadata, validateResource, remediateResource }),
    };
}

export function stackPolicy<O extends Options = Record<string, never>>(def: StackPolicyDefinition<O>): StackPolicy {
    const { info, pulumiMetadata, run } = base(def);
    const appliesTo = typeMatcher(def.types);

    const evaluate = (inputs: readonly StackResourceInput[], rawConfig: Record<string, unknown> = {}): Diagnostic[] => {
        const views = inputs.map(lazyView);
        const byUrn = new Map(views.map((v) => [v.urn, v]));
        const stack: StackView = {
            resources: views,
            ofType: (...types) => {
                const matches = types.length > 0 ? typeMatcher(types) : appliesTo;
                return views.filter((v) => matches(v.type));
            },
            byUrn: (urn) => byUrn.get(urn),
        };
        // A stack finding may quote any resource, so every secret of the stack is scrubbed from every message.
        const secrets = () => inputs.flatMap((i) => secretValuesOf(i.props));
        const tagsOf = (urn: string | undefined) => {
            const view = urn ? byUrn.get(urn) : undefined;
            return view ? readTags(view.props) : readTags({});
        };
        return run(rawConfig, undefined, tagsOf, secrets, (context) => def.validate(stack, context));
    };

    const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation) => {
        if (!args.resources.some((r) => appliesTo(r.type))) return;
        send(reportViolation, def.description, evaluate(args.resources.map(fromPolicyResource), args.getConfig<Record<string, unknown>>()));
    };

    return {
        ...info,
        kind: "stack",
        evaluate,
        toPulumiPolicy: (): StackValidationPolicy => ({ ...pulumiMetadata, validateStack }),
    };
}

function fromPolicyResource(r: PolicyResource): StackResourceInput {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of Object.entries(r.propertyDependencies)) propertyDependencies[key] = deps.map((d) => d.urn);
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.props,
        parent: r.parent?.urn,
        dependencies: r.dependencies.map((d) => d.urn),
        propertyDependencies,
    };
}

/** Stack views convert props on first use: a stack policy usually reads a few types out of thousands. */
function lazyView(input: StackResourceInput): StackResourceView {
    let props: PlainObject | undefined;
    return {
        type: input.type,
        name: input.name,
        urn: input.urn,
        parent: input.parent,
        dependencies: input.dependencies ?? [],
        propertyDependencies: input.propertyDependencies ?? {},
        get props() {
            props ??= toPlainObject(input.props);
            return props;
        },
    };
}
