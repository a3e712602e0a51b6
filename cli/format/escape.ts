// Escaping for the markup formats (JUnit XML, HTML). Written here, not taken from a library: five characters and
// the few code points a document cannot carry at all.

/**
 * Characters XML 1.0 cannot carry, not even as character references (C0 controls but tab, newline and carriage
 * return; lone surrogates; U+FFFE, U+FFFF), and that HTML parsers treat as errors. A message may contain them (an
 * ANSI colour code, a value read from a program); one would make a JUnit file unreadable, so each becomes U+FFFD.
 */
const UNENCODABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function markupText(text: string): string {
    return text.replace(UNENCODABLE, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Element content. A carriage return is a reference, or a parser would read it back as a newline. */
export function escapeXmlText(text: string): string {
    return markupText(text).replace(/\r/g, "&#13;");
}

/** Attribute values also escape the quote, and whitespace that a parser would otherwise turn into spaces. */
export function escapeXmlAttribute(text: string): string {
    return escapeXmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** Text and attribute values of an HTML page (attributes always double-quoted; "'" too, for safety). */
export function escapeHtml(text: string): string {
    return markupText(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
