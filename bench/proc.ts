// What Linux reports about a child process: its peak resident memory and the CPU time it has used. Both are read
// from /proc while the process is alive; elsewhere they are undefined and the report says "n/a".
import { execFileSync } from "child_process";
import { readFileSync } from "fs";

/** Peak resident set size (VmHWM) in bytes. */
export function peakRssBytes(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) * 1024 : undefined;
    } catch {
        return undefined;
    }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
    if (ticksPerSecond === undefined) {
        try {
            ticksPerSecond = Number.parseInt(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim(), 10) || 100;
        } catch {
            ticksPerSecond = 100;
        }
    }
    return ticksPerSecond;
}

/** User plus system CPU time the process has used so far, in milliseconds (resolution: one clock tick). */
export function cpuMs(pid: number | undefined): number | undefined {
    if (pid === undefined) return undefined;
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the command name, which is in parentheses and may itself contain spaces: state is field 3,
        // utime field 14 and stime field 15.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const ticks = Number(fields[11]) + Number(fields[12]);
        return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : undefined;
    } catch {
        return undefined;
    }
}
