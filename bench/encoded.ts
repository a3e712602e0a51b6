// Analyze and AnalyzeStack with requests encoded before the clock starts.
//
// Why not `PackProcess.analyze`: it builds each request from JSON (Struct.fromJavaScript, then serialization) on
// every call. In JavaScript that costs the bench process about as much CPU as a no-op pack spends serving the
// call, so against the floor the bench measured its own encoder, and the ratio came out too close to 1. The Pulumi
// engine encodes in Go at a fraction of that cost. So the bench encodes every request up front, with the driver's
// own encoders, and sends the bytes over a second channel to the same pack process; lifecycle, GetAnalyzerInfo and
// Configure still go through the driver.
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { analyzeRequest, analyzeStackRequest } from "../cli/driver/encode";
import type { WireResource } from "../cli/driver/wire";

export function encodeAnalyze(resource: WireResource): Buffer {
    return Buffer.from(analyzeRequest(resource).serializeBinary());
}

export function encodeAnalyzeStack(resources: readonly WireResource[]): Buffer {
    return Buffer.from(analyzeStackRequest(resources).serializeBinary());
}

/** How many diagnostics an encoded AnalyzeResponse holds. */
export function diagnosticCount(response: Buffer): number {
    return analyzerpb.AnalyzeResponse.deserializeBinary(response).getDiagnosticsList().length;
}

// ---------------------------------------------------------------------------------------------------------------
// A channel that sends bytes as they are.

const passThrough = (bytes: Buffer): Buffer => bytes;

export class EncodedAnalyzer {
    private constructor(private readonly client: grpc.Client) {}

    /** Connects to the pack at `address` and waits until the channel is ready, so no call pays for the connection. */
    static async connect(address: string): Promise<EncodedAnalyzer> {
        const client = new grpc.Client(address, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        await new Promise<void>((resolve, reject) => client.waitForReady(Date.now() + 10_000, (error) => (error ? reject(error) : resolve())));
        return new EncodedAnalyzer(client);
    }

    private call(path: string, request: Buffer): Promise<Buffer> {
        return new Promise((resolve, reject) => {
            this.client.makeUnaryRequest(path, passThrough, passThrough, request, (error, response) => {
                if (error) reject(new Error(`${path}: ${error.details || error.message}`));
                else if (!response) reject(new Error(`${path}: empty response`));
                else resolve(response);
            });
        });
    }

    analyze(request: Buffer): Promise<Buffer> {
        return this.call(AnalyzerService.analyze.path, request);
    }

    analyzeStack(request: Buffer): Promise<Buffer> {
        return this.call(AnalyzerService.analyzeStack.path, request);
    }

    close(): void {
        this.client.close();
    }
}
