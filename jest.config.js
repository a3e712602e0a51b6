/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    // Type checking is done once by `npm run typecheck` (pretest); ts-jest only transpiles.
    transform: { "^.+\\.ts$": "ts-jest" },
    testTimeout: 60000,
};
