// TypeScript for the program: a require hook that transpiles each .ts file with `transpileModule` (no type checking,
// as Pulumi does with `transpileOnly`), honouring the program's tsconfig where it matters for emitted code, and
// keeping each file's source map so that positions in stack traces map back to the TypeScript source.
// Optionally, a full type check of the entry point and what it imports.

import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";
import type { ProgramErrorData } from "./errors";

type TypeScript = typeof TS;

/** A failure located in a source file, thrown by the hook and turned into a ProgramError by the child. */
export class LocatedError extends Error {
    constructor(readonly data: ProgramErrorData) {
        super(data.detail);
    }
}

/**
 * Compiler options from the program's tsconfig (when it has one), forced to emit CommonJS with a separate source map.
 * `tsconfigPath` undefined means no tsconfig: Pulumi's defaults apply.
 */
export function loadCompilerOptions(ts: TypeScript, tsconfigPath: string | undefined): TS.CompilerOptions {
    let options: TS.CompilerOptions = {};
    if (tsconfigPath !== undefined) {
        if (!fs.existsSync(tsconfigPath)) {
            throw new LocatedError({ kind: "project", detail: `tsconfig file ${tsconfigPath} was not found`, file: tsconfigPath });
        }
        const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
        if (read.error !== undefined) throw new LocatedError(diagnosticData(ts, read.error, "project", tsconfigPath));
        const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath);
        options = parsed.options;
    }
    return {
        ...options,
        // Pulumi's defaults when the tsconfig says nothing.
        target: options.target ?? ts.ScriptTarget.ES2020,
        // The hook runs under require(): CommonJS whatever the tsconfig's module setting.
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        verbatimModuleSyntax: false,
        sourceMap: true,
        inlineSourceMap: false,
        inlineSources: false,
        declaration: false,
        declarationMap: false,
        composite: false,
        incremental: false,
        noEmit: false,
        emitDeclarationOnly: false,
        outDir: undefined,
        outFile: undefined,
    };
}

/** Decoded source maps by generated file, for mapping stack positions back to the TypeScript source. */
export class SourceMaps {
    private readonly raw = new Map<string, string>();
    private readonly decoded = new Map<string, Segment[][]>();

    add(file: string, mapText: string): void {
        this.raw.set(file, mapText);
    }

    /** The source position (1-based) of a generated position (1-based), or the position itself without a map. */
    original(file: string, line: number, column: number): { line: number; column: number } {
        const lines = this.lines(file);
        if (lines === undefined) return { line, column };
        for (let l = line - 1; l >= 0 && l < lines.length; l--) {
            const segments = lines[l];
            let best: Segment | undefined;
            for (const segment of segments) {
                if (l === line - 1 && segment.generatedColumn > column - 1) break;
                best = segment;
            }
            if (best !== undefined) return { line: best.sourceLine + 1, column: best.sourceColumn + 1 };
        }
        return { line, column };
    }

    private lines(file: string): Segment[][] | undefined {
        const cached = this.decoded.get(file);
        if (cached !== undefined) return cached;
        const text = this.raw.get(file);
        if (text === undefined) return undefined;
        const map: unknown = JSON.parse(text);
        const mappings =
            typeof map === "object" && map !== null && typeof (map as { mappings?: unknown }).mappings === "string"
                ? (map as { mappings: string }).mappings
                : "";
        const decoded = decodeMappings(mappings);
        this.decoded.set(file, decoded);
        return decoded;
    }
}

interface Segment {
    generatedColumn: number;
    sourceLine: number;
    sourceColumn: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Source map v3 `mappings`: lines of segments, each a run of base64 VLQ fields relative to the previous one. */
function decodeMappings(mappings: string): Segment[][] {
    const lines: Segment[][] = [];
    let sourceLine = 0;
    let sourceColumn = 0;
    let sourceIndex = 0;
    let nameIndex = 0;
    for (const lineText of mappings.split(";")) {
        const segments: Segment[] = [];
        let generatedColumn = 0;
        for (const segmentText of lineText.split(",")) {
            if (segmentText === "") continue;
            const fields = decodeVlq(segmentText);
            generatedColumn += fields[0] ?? 0;
            if (fields.length >= 4) {
                sourceIndex += fields[1];
                sourceLine += fields[2];
                sourceColumn += fields[3];
                if (fields.length >= 5) nameIndex += fields[4];
                segments.push({ generatedColumn, sourceLine, sourceColumn });
            }
        }
        lines.push(segments);
    }
    return lines;
}

function decodeVlq(text: string): number[] {
    const values: number[] = [];
    let shift = 0;
    let value = 0;
    for (const char of text) {
        const digit = BASE64.indexOf(char);
        if (digit < 0) break;
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
        } else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            shift = 0;
            value = 0;
        }
    }
    return values;
}

interface CompilableModule {
    _compile(code: string, filename: string): void;
}

/** Registers the `.ts`/`.tsx`/`.cts` require hook. Syntax errors throw a LocatedError naming file, line and column. */
export function installTypeScriptHook(ts: TypeScript, options: TS.CompilerOptions, maps: SourceMaps): void {
    const compile = (module: NodeJS.Module, filename: string): void => {
        const source = fs.readFileSync(filename, "utf8");
        const output = ts.transpileModule(source, { fileName: filename, compilerOptions: options, reportDiagnostics: true });
        const error = (output.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
        if (error !== undefined) throw new LocatedError(diagnosticData(ts, error, "syntax", filename));
        if (output.sourceMapText !== undefined) maps.add(filename, output.sourceMapText);
        const code = output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
        (module as unknown as CompilableModule)._compile(code, filename);
    };
    for (const extension of [".ts", ".tsx", ".cts"]) require.extensions[extension] = compile;
}

/** Type errors in the program's own files (not in node_modules), for `typecheck: true`. */
export function typeCheck(ts: TypeScript, options: TS.CompilerOptions, mainFile: string): ProgramErrorData | undefined {
    const program = ts.createProgram({ rootNames: [mainFile], options: { ...options, noEmit: true, sourceMap: false, skipLibCheck: true } });
    const errors = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.category === ts.DiagnosticCategory.Error)
        .filter((d) => d.file === undefined || !d.file.fileName.split(/[\\/]/).includes("node_modules"));
    if (errors.length === 0) return undefined;
    const first = diagnosticData(ts, errors[0], "type", mainFile);
    return errors.length === 1 ? first : { ...first, detail: `${first.detail} (and ${errors.length - 1} more type errors)` };
}

function diagnosticData(ts: TypeScript, d: TS.Diagnostic, kind: ProgramErrorData["kind"], fallbackFile: string): ProgramErrorData {
    const detail = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file === undefined || d.start === undefined) return { kind, detail, file: fallbackFile };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { kind, detail, file: path.resolve(d.file.fileName), line: line + 1, column: character + 1 };
}
