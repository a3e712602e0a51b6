// Colour only for a person at a terminal: never when piped, never with NO_COLOR (https://no-color.org).
import { styleText } from "util";

export type Painter = (style: Parameters<typeof styleText>[0], text: string) => string;

export function painterFor(stream: NodeJS.WriteStream): Painter {
    const colour = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
    return colour ? (style, text) => styleText(style, text) : (_style, text) => text;
}

export const plain: Painter = (_style, text) => text;
