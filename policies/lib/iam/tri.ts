// Three-valued verdicts. During `pulumi preview` parts of a policy document are unknown, so most questions about a
// document have three answers. The connectives follow Kleene's logic: "unknown" survives only where the known
// parts cannot settle the answer (yes OR unknown = yes, no AND unknown = no), which is exactly rule 7 of STYLE.md.

/** A verdict that may depend on values unknown during preview. */
export type Tri = "yes" | "no" | "unknown";

export function tri(value: boolean): Tri {
    return value ? "yes" : "no";
}

export function not(value: Tri): Tri {
    return value === "yes" ? "no" : value === "no" ? "yes" : "unknown";
}

export function and(...values: Tri[]): Tri {
    if (values.includes("no")) return "no";
    return values.includes("unknown") ? "unknown" : "yes";
}

export function or(...values: Tri[]): Tri {
    if (values.includes("yes")) return "yes";
    return values.includes("unknown") ? "unknown" : "no";
}

/** "yes" when `test` holds for some item; stops at the first "yes". */
export function some<T>(items: Iterable<T>, test: (item: T) => Tri): Tri {
    let result: Tri = "no";
    for (const item of items) {
        const verdict = test(item);
        if (verdict === "yes") return "yes";
        if (verdict === "unknown") result = "unknown";
    }
    return result;
}

/** "yes" when `test` holds for every item; stops at the first "no". */
export function every<T>(items: Iterable<T>, test: (item: T) => Tri): Tri {
    let result: Tri = "yes";
    for (const item of items) {
        const verdict = test(item);
        if (verdict === "no") return "no";
        if (verdict === "unknown") result = "unknown";
    }
    return result;
}
