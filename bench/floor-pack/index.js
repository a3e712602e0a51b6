// The benchmark's floor pack (see bench/bench.ts): the Pulumi policy-pack runner serving one no-op policy for each
// policy of msp-guard, of the same kind and default enforcement level, and nothing else. The bench reads msp-guard's
// policies from its GetAnalyzerInfo and passes them here, so the floor keeps pace as policies are added.
// Plain JavaScript on purpose: no build step, no code of ours between the runner and the SDK.
"use strict";
const { PolicyPack } = require("@pulumi/policy");

const VARIABLE = "MSP_GUARD_BENCH_FLOOR_POLICIES";
const raw = process.env[VARIABLE];
if (!raw) throw new Error(`${VARIABLE} is not set: the floor pack is started by bench/bench.ts, which lists the policies to mirror.`);

/** @type {Array<{ name: string, kind: "resource" | "stack", enforcementLevel: string }>} */
const specs = JSON.parse(raw);

const policies = specs.map(({ name, kind, enforcementLevel }) =>
    kind === "stack"
        ? { name, description: "No-op stack policy.", enforcementLevel, validateStack: () => {} }
        : { name, description: "No-op resource policy.", enforcementLevel, validateResource: () => {} },
);

new PolicyPack("msp-guard-floor", { policies });
