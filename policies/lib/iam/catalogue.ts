// The privileged-action catalogue, as data: administrator access, IAM write actions, and the published AWS
// privilege-escalation methods with their sources. Ids are published (reports, exemptions): never change one;
// retire a method by adding `deprecated`, never by renaming it.

export interface Source {
    readonly title: string;
    readonly url: string;
}

const RHINO: Source = {
    title: "Rhino Security Labs: AWS IAM Privilege Escalation – Methods and Mitigation",
    url: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
};
const RHINO_2: Source = {
    title: "Rhino Security Labs: AWS IAM Privilege Escalation – Methods and Mitigation, Part 2",
    url: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation-part-2/",
};
const BISHOP_FOX: Source = {
    title: "Bishop Fox: IAM Vulnerable, an AWS IAM privilege escalation playground",
    url: "https://github.com/BishopFox/iam-vulnerable",
};

/** Administrator access: every action on every resource. */
export const ADMINISTRATOR = { title: "administrator access", action: "*", resource: "*" } as const;

/**
 * IAM action names that only read: AWS's access level "Read" and "List" for IAM are exactly the actions named
 * Get…, List…, Generate… (credential and access reports) and Simulate… (policy simulation).
 */
export const IAM_READ_VERBS: readonly string[] = ["Get", "List", "Generate", "Simulate"];

/**
 * IAM writes that act only on the caller itself and grant nothing over anyone else: `iam:ChangePassword` takes no
 * user name (it always changes the caller's own password). Left out of IAM-write findings.
 */
export const IAM_SELF_SERVICE_ACTIONS: readonly string[] = ["iam:ChangePassword"];

/**
 * IAM actions that change IAM (AWS access levels Write, Permissions management and Tagging), `iam:PassRole`
 * included: it is no API call, but it is what lets a principal hand a role to a service. Used to name which write
 * actions a wildcard grants; an IAM action missing here is still judged a write by `isIamWriteAction` unless its
 * name starts with a read verb.
 */
export const IAM_WRITE_ACTIONS: readonly string[] = [
    "AcceptDelegationRequest", "AddClientIDToOpenIDConnectProvider", "AddRoleToInstanceProfile", "AddUserToGroup",
    "AssociateDelegationRequest", "AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
    "CreateAccessKey", "CreateAccountAlias", "CreateDelegationRequest", "CreateGroup", "CreateInstanceProfile",
    "CreateLoginProfile", "CreateOpenIDConnectProvider", "CreatePolicy", "CreatePolicyVersion", "CreateRole",
    "CreateSAMLProvider", "CreateServiceLinkedRole", "CreateServiceSpecificCredential", "CreateUser",
    "CreateVirtualMFADevice", "DeactivateMFADevice", "DeleteAccessKey", "DeleteAccountAlias",
    "DeleteAccountPasswordPolicy", "DeleteGroup", "DeleteGroupPolicy", "DeleteInstanceProfile", "DeleteLoginProfile",
    "DeleteOpenIDConnectProvider", "DeletePolicy", "DeletePolicyVersion", "DeleteRole", "DeleteRolePermissionsBoundary",
    "DeleteRolePolicy", "DeleteSAMLProvider", "DeleteSSHPublicKey", "DeleteServerCertificate",
    "DeleteServiceLinkedRole", "DeleteServiceSpecificCredential", "DeleteSigningCertificate", "DeleteUser",
    "DeleteUserPermissionsBoundary", "DeleteUserPolicy", "DeleteVirtualMFADevice", "DetachGroupPolicy",
    "DetachRolePolicy", "DetachUserPolicy", "DisableOrganizationsRootCredentialsManagement",
    "DisableOrganizationsRootSessions", "DisableOutboundWebIdentityFederation", "EnableMFADevice",
    "EnableOrganizationsRootCredentialsManagement", "EnableOrganizationsRootSessions",
    "EnableOutboundWebIdentityFederation", "PassRole", "PutGroupPolicy", "PutRolePermissionsBoundary", "PutRolePolicy",
    "PutUserPermissionsBoundary", "PutUserPolicy", "RejectDelegationRequest", "RemoveClientIDFromOpenIDConnectProvider",
    "RemoveRoleFromInstanceProfile", "RemoveUserFromGroup", "ResetServiceSpecificCredential", "ResyncMFADevice",
    "SendDelegationToken", "SetDefaultPolicyVersion", "SetSecurityTokenServicePreferences", "TagInstanceProfile",
    "TagMFADevice", "TagOpenIDConnectProvider", "TagPolicy", "TagRole", "TagSAMLProvider", "TagServerCertificate",
    "TagUser", "UntagInstanceProfile", "UntagMFADevice", "UntagOpenIDConnectProvider", "UntagPolicy", "UntagRole",
    "UntagSAMLProvider", "UntagServerCertificate", "UntagUser", "UpdateAccessKey", "UpdateAccountPasswordPolicy",
    "UpdateAssumeRolePolicy", "UpdateDelegationRequest", "UpdateGroup", "UpdateLoginProfile",
    "UpdateOpenIDConnectProviderThumbprint", "UpdateRole", "UpdateRoleDescription", "UpdateSAMLProvider",
    "UpdateSSHPublicKey", "UpdateServerCertificate", "UpdateServiceSpecificCredential", "UpdateSigningCertificate",
    "UpdateUser", "UploadSSHPublicKey", "UploadServerCertificate", "UploadSigningCertificate",
].map((name) => `iam:${name}`);

/** Is this concrete action an IAM write? Unknown (newer) IAM actions count as writes unless named as reads. */
export function isIamWriteAction(action: string): boolean {
    const colon = action.indexOf(":");
    if (colon < 0 || action.slice(0, colon).toLowerCase() !== "iam") return false;
    const name = action.slice(colon + 1).toLowerCase();
    if (IAM_SELF_SERVICE_ACTIONS.some((a) => a.toLowerCase() === action.toLowerCase())) return false;
    return !IAM_READ_VERBS.some((verb) => name.startsWith(verb.toLowerCase()));
}

/** One ingredient of a method: any one of `anyOf` will do; `allResources` when it must reach every resource. */
export interface Requirement {
    readonly anyOf: readonly string[];
    readonly allResources?: boolean;
}

export interface EscalationMethod {
    /** Stable id, used in reports and exemptions. */
    readonly id: string;
    readonly title: string;
    /** Every requirement must be granted (possibly by different statements or documents). */
    readonly requires: readonly Requirement[];
    readonly sources: readonly Source[];
}

const need = (...anyOf: string[]): Requirement => ({ anyOf });
const PASS_ROLE = need("iam:PassRole");

export const ESCALATION_METHODS: readonly EscalationMethod[] = [
    // Permissions on policies: rewrite or attach a policy that applies to oneself.
    { id: "iam-create-policy-version", title: "Create a new default version of a managed policy", requires: [need("iam:CreatePolicyVersion")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-set-default-policy-version", title: "Make an older, more permissive policy version the default", requires: [need("iam:SetDefaultPolicyVersion")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-attach-user-policy", title: "Attach a managed policy to a user", requires: [need("iam:AttachUserPolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-attach-group-policy", title: "Attach a managed policy to a group", requires: [need("iam:AttachGroupPolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-attach-role-policy", title: "Attach a managed policy to a role", requires: [need("iam:AttachRolePolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-put-user-policy", title: "Write an inline policy on a user", requires: [need("iam:PutUserPolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-put-group-policy", title: "Write an inline policy on a group", requires: [need("iam:PutGroupPolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-put-role-policy", title: "Write an inline policy on a role", requires: [need("iam:PutRolePolicy")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-add-user-to-group", title: "Add a user to a more privileged group", requires: [need("iam:AddUserToGroup")], sources: [RHINO, BISHOP_FOX] },
    // Permissions on other users: take over their credentials.
    { id: "iam-create-access-key", title: "Create an access key for another user", requires: [need("iam:CreateAccessKey")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-create-login-profile", title: "Create a console password for another user", requires: [need("iam:CreateLoginProfile")], sources: [RHINO, BISHOP_FOX] },
    { id: "iam-update-login-profile", title: "Change another user's console password", requires: [need("iam:UpdateLoginProfile")], sources: [RHINO, BISHOP_FOX] },
    // Trust: let oneself assume a role.
    { id: "iam-update-assume-role-policy", title: "Rewrite a role's trust policy, then assume the role", requires: [need("iam:UpdateAssumeRolePolicy"), need("sts:AssumeRole")], sources: [RHINO, BISHOP_FOX] },
    { id: "sts-assume-any-role", title: "Assume any role whose trust policy admits this account", requires: [{ anyOf: ["sts:AssumeRole"], allResources: true }], sources: [BISHOP_FOX] },
    // PassRole to a service that then runs the attacker's code with the passed role.
    { id: "ec2-pass-role-run-instances", title: "Pass a role to a new EC2 instance", requires: [PASS_ROLE, need("ec2:RunInstances")], sources: [RHINO, BISHOP_FOX] },
    { id: "lambda-pass-role-create-function", title: "Pass a role to a new Lambda function, then invoke or trigger it", requires: [PASS_ROLE, need("lambda:CreateFunction"), need("lambda:InvokeFunction", "lambda:CreateEventSourceMapping")], sources: [RHINO, BISHOP_FOX] },
    { id: "glue-pass-role-create-dev-endpoint", title: "Pass a role to a new Glue development endpoint", requires: [PASS_ROLE, need("glue:CreateDevEndpoint")], sources: [RHINO, BISHOP_FOX] },
    { id: "cloudformation-pass-role-create-stack", title: "Pass a role to a new CloudFormation stack", requires: [PASS_ROLE, need("cloudformation:CreateStack")], sources: [RHINO, BISHOP_FOX] },
    { id: "datapipeline-pass-role-create-pipeline", title: "Pass a role to a new Data Pipeline", requires: [PASS_ROLE, need("datapipeline:CreatePipeline"), need("datapipeline:PutPipelineDefinition")], sources: [RHINO, BISHOP_FOX] },
    { id: "sagemaker-pass-role-create-notebook", title: "Pass a role to a new SageMaker notebook, then open it", requires: [PASS_ROLE, need("sagemaker:CreateNotebookInstance"), need("sagemaker:CreatePresignedNotebookInstanceUrl")], sources: [RHINO_2, BISHOP_FOX] },
    { id: "sagemaker-pass-role-create-training-job", title: "Pass a role to a new SageMaker training job", requires: [PASS_ROLE, need("sagemaker:CreateTrainingJob")], sources: [BISHOP_FOX] },
    { id: "sagemaker-pass-role-create-processing-job", title: "Pass a role to a new SageMaker processing job", requires: [PASS_ROLE, need("sagemaker:CreateProcessingJob")], sources: [BISHOP_FOX] },
    { id: "codebuild-pass-role-create-project", title: "Pass a role to a new CodeBuild project, then start a build", requires: [PASS_ROLE, need("codebuild:CreateProject"), need("codebuild:StartBuild", "codebuild:StartBuildBatch")], sources: [BISHOP_FOX] },
    // Existing compute that already carries a role: change what it runs, or get a shell on it.
    { id: "lambda-update-function-code", title: "Replace the code of an existing Lambda function that has a role", requires: [need("lambda:UpdateFunctionCode")], sources: [RHINO, BISHOP_FOX] },
    { id: "glue-update-dev-endpoint", title: "Add an SSH key to an existing Glue development endpoint", requires: [need("glue:UpdateDevEndpoint")], sources: [RHINO, BISHOP_FOX] },
    { id: "cloudformation-update-stack", title: "Update an existing stack that runs with a service role", requires: [need("cloudformation:UpdateStack")], sources: [BISHOP_FOX] },
    { id: "sagemaker-create-presigned-notebook-url", title: "Open an existing SageMaker notebook that has a role", requires: [need("sagemaker:CreatePresignedNotebookInstanceUrl")], sources: [RHINO_2, BISHOP_FOX] },
    { id: "ssm-send-command", title: "Run commands on an instance that has a role", requires: [need("ssm:SendCommand")], sources: [BISHOP_FOX] },
    { id: "ssm-start-session", title: "Open a shell on an instance that has a role", requires: [need("ssm:StartSession")], sources: [BISHOP_FOX] },
    { id: "ec2-instance-connect-send-ssh-public-key", title: "Push an SSH key to an instance that has a role", requires: [need("ec2-instance-connect:SendSSHPublicKey")], sources: [BISHOP_FOX] },
];
