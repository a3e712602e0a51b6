// Consistent violation messages: what is wrong (naming the element and value), on which property, how to fix
// it, and which recommendation of the advisory it serves. The SDK puts the policy's description above it.
import type { RecommendationId } from "./metadata";

export interface MessageParts {
    /** What is wrong, naming the offending element and value: `Statement "AllowAll" grants iam:* on *`. */
    message: string;
    /** The property path the finding is about: `assumeRolePolicy.Statement[0].Condition`. */
    property?: string;
    /** How to fix this finding; the policy's remediation when omitted. */
    fix?: string;
}

function sentence(text: string): string {
    const trimmed = text.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function formatMessage(parts: MessageParts, remediation: string, recommendations: readonly RecommendationId[]): string {
    const property = parts.property ? ` (property \`${parts.property}\`)` : "";
    const what = sentence(parts.message).replace(/\.$/, `${property}.`);
    return `${what} Fix: ${sentence(parts.fix ?? remediation)} [CISA AA22-131A ${recommendations.join(", ")}]`;
}

export function formatCannotVerify(parts: MessageParts, recommendations: readonly RecommendationId[]): string {
    const property = parts.property ? ` (property \`${parts.property}\`)` : "";
    const what = sentence(parts.message).replace(/\.$/, `${property}.`);
    return `Cannot verify during preview: ${what} The check runs again with known values at \`pulumi up\`. [CISA AA22-131A ${recommendations.join(", ")}]`;
}
