// The IAM policy-document engine: pure domain code, no Pulumi. Policies import from here.
export * from "./tri";
export * from "./document";
export * from "./statements";
export * from "./actions";
export * from "./resources";
export * from "./catalogue";
export * from "./analysis";
export * from "./principals";
export * from "./conditions";
export * from "./trust";
