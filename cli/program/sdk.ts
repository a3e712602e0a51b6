// The program's own copy of @pulumi/pulumi, loaded by absolute path inside the child process. The types come from
// our copy; at run time every module (protos, grpc, google-protobuf) is the one that copy resolves, so requests and
// responses are built with the classes the program's runtime expects.

import * as path from "path";

export interface Sdk {
    root: string;
    runtime: typeof import("@pulumi/pulumi/runtime");
    log: typeof import("@pulumi/pulumi/log");
    resproto: typeof import("@pulumi/pulumi/proto/resource_pb");
    providerproto: typeof import("@pulumi/pulumi/proto/provider_pb");
    callbackproto: typeof import("@pulumi/pulumi/proto/callback_pb");
    callbackGrpc: typeof import("@pulumi/pulumi/proto/callback_grpc_pb");
    grpc: typeof import("@grpc/grpc-js");
    struct: typeof import("google-protobuf/google/protobuf/struct_pb");
}

/** Loads the SDK rooted at `root` (the directory holding its package.json). */
export function loadSdk(root: string): Sdk {
    const fromRoot = (request: string): string => require.resolve(request, { paths: [root] });
    return {
        root,
        runtime: require(path.join(root, "runtime")),
        log: require(path.join(root, "log")),
        resproto: require(path.join(root, "proto", "resource_pb")),
        providerproto: require(path.join(root, "proto", "provider_pb")),
        callbackproto: require(path.join(root, "proto", "callback_pb")),
        callbackGrpc: require(path.join(root, "proto", "callback_grpc_pb")),
        grpc: require(fromRoot("@grpc/grpc-js")),
        struct: require(fromRoot("google-protobuf/google/protobuf/struct_pb")),
    };
}
