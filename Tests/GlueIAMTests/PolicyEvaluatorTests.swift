import GlueCore
import Testing

@testable import GlueIAM

@Suite struct PolicyEvaluatorTests {
    let allowGet = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#
    let denyGet = #"{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/secret/*"}"#

    func bucketPolicy(_ principal: String, effect: String = "Allow", action: String = "s3:GetObject") throws -> PolicyDocument {
        try policy(#"{"Effect": "\#(effect)", "Principal": \#(principal), "Action": "\#(action)", "Resource": "arn:aws:s3:::b/*"}"#)
    }

    @Test("Explicit deny beats allow; no allow is an implicit deny")
    func precedence() throws {
        let set = PolicySet(identityPolicies: [try policy(allowGet), try policy(denyGet)])
        let allowed = PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k"), policies: set)
        #expect(allowed.decision == .allowed)
        #expect(allowed.matchedStatements.map(\.policyIndex) == [0])
        let denied = PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/secret/k"), policies: set)
        #expect(denied.decision == .explicitDeny)
        #expect(denied.matchedStatements.first?.effect == .deny)
        #expect(denied.responsiblePolicyKind == .identityBased)
        #expect(decide(request("s3:PutObject", "arn:aws:s3:::b/k"), set) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet()) == .implicitDeny)
    }

    @Test("Denial messages use AWS's wording; S3 quotes the resource, Glue does not")
    func messages() throws {
        let set = PolicySet(identityPolicies: [try policy(allowGet, denyGet)])
        let s3 = PolicyEvaluator.evaluate(request("s3:PutObject", "arn:aws:s3:::b/k"), policies: set)
        #expect(s3.denialMessage() == #"User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:PutObject action"#)
        let explicit = PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/secret/k"), policies: set)
        #expect(explicit.denialMessage() == #"User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/secret/k" with an explicit deny in an identity-based policy"#)
        let glue = PolicyEvaluator.evaluate(request("glue:GetTable", "arn:aws:glue:us-east-1:111122223333:table/db/t"), policies: set)
        #expect(glue.denialMessage() == "User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:111122223333:table/db/t because no identity-based policy allows the glue:GetTable action")
        let boundary = PolicySet(identityPolicies: [try policy(allowGet)], permissionsBoundary: try policy(#"{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}"#))
        #expect(PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k"), policies: boundary).denialMessage().hasSuffix("because no permissions boundary allows the s3:GetObject action"))
        let boundaryDeny = PolicySet(identityPolicies: [try policy(allowGet)], permissionsBoundary: try policy(allowGet, #"{"Effect": "Deny", "Action": "*", "Resource": "*"}"#))
        #expect(PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k"), policies: boundaryDeny).denialMessage().hasSuffix("with an explicit deny in a permissions boundary"))
        #expect(PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k"), policies: set).denialMessage() == "")
    }

    @Test("Same account: a bucket policy naming the session, the user or * allows without identity permission")
    func sameAccountDirect() throws {
        for principal in [#""*""#, #"{"AWS": "*"}"#, #"{"AWS": "arn:aws:sts::111122223333:assumed-role/R/s"}"#] {
            let set = PolicySet(resourcePolicy: try bucketPolicy(principal))
            #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), set) == .allowed, "\(principal)")
        }
        let user = ARN(service: "iam", account: "111122223333", resource: "user/alice")
        let set = PolicySet(resourcePolicy: try bucketPolicy(#"{"AWS": "arn:aws:iam::111122223333:user/alice"}"#))
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k", principal: user), set) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), set) == .implicitDeny)
    }

    @Test("Same account: the account principal delegates to IAM; the role ARN is capped by boundary and session")
    func sameAccountAccountAndRole() throws {
        let account = PolicySet(resourcePolicy: try bucketPolicy(#"{"AWS": "arn:aws:iam::111122223333:root"}"#))
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), account) == .implicitDeny)
        var withIdentity = account
        withIdentity.identityPolicies = [try policy(allowGet)]
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), withIdentity) == .allowed)

        let role = try bucketPolicy(#"{"AWS": "arn:aws:iam::111122223333:role/service/R"}"#)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(resourcePolicy: role)) == .allowed)
        let listOnly = try policy(#"{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}"#)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(resourcePolicy: role, permissionsBoundary: listOnly)) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(resourcePolicy: role, sessionPolicies: [listOnly])) == .implicitDeny)
        // A session ARN grant is not capped by the boundary.
        let session = try bucketPolicy(#"{"AWS": "arn:aws:sts::111122223333:assumed-role/R/s"}"#)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(resourcePolicy: session, permissionsBoundary: listOnly)) == .allowed)
        // Another role's ARN grants nothing.
        let other = try bucketPolicy(#"{"AWS": "arn:aws:iam::111122223333:role/Other"}"#)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(resourcePolicy: other)) == .implicitDeny)
    }

    @Test("Cross account: both the resource policy and the caller's side must allow")
    func crossAccount() throws {
        let resource = try bucketPolicy(#"{"AWS": "444455556666"}"#)
        let identity = try policy(allowGet)
        let caller = otherAccountSession
        let req = request("s3:GetObject", "arn:aws:s3:::b/k", principal: caller, resourceAccount: "111122223333")
        #expect(decide(req, PolicySet(identityPolicies: [identity], resourcePolicy: resource)) == .allowed)
        let noResource = PolicyEvaluator.evaluate(req, policies: PolicySet(identityPolicies: [identity]))
        #expect(noResource.decision == .implicitDeny)
        #expect(noResource.responsiblePolicyKind == .resourceBased)
        let noIdentity = PolicyEvaluator.evaluate(req, policies: PolicySet(resourcePolicy: resource))
        #expect(noIdentity.decision == .implicitDeny)
        #expect(noIdentity.responsiblePolicyKind == .identityBased)
        // Even "*" needs the caller's identity permission across accounts.
        #expect(decide(req, PolicySet(resourcePolicy: try bucketPolicy(#""*""#))) == .implicitDeny)
        let listOnly = try policy(#"{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}"#)
        #expect(decide(req, PolicySet(identityPolicies: [identity], resourcePolicy: resource, permissionsBoundary: listOnly)) == .implicitDeny)
        // The resource ARN's own account decides when resourceAccount is not given.
        let glueRequest = request("glue:GetTable", "arn:aws:glue:us-east-1:111122223333:table/db/t", principal: caller)
        #expect(glueRequest.effectiveResourceAccount == "111122223333")
        #expect(decide(glueRequest, PolicySet(identityPolicies: [try policy(#"{"Effect": "Allow", "Action": "glue:*", "Resource": "*"}"#)])) == .implicitDeny)
    }

    @Test("Boundaries and session policies cap, never grant; their denies are explicit")
    func capping() throws {
        let identity = try policy(allowGet)
        let everything = try policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(identityPolicies: [identity], permissionsBoundary: everything)) == .allowed)
        #expect(decide(request("s3:PutObject", "arn:aws:s3:::b/k"), PolicySet(identityPolicies: [identity], permissionsBoundary: everything)) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), PolicySet(permissionsBoundary: everything, sessionPolicies: [everything])) == .implicitDeny)
        let sessionResult = PolicyEvaluator.evaluate(
            request("s3:GetObject", "arn:aws:s3:::b/k"),
            policies: PolicySet(identityPolicies: [identity], sessionPolicies: [try policy(#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}"#)]))
        #expect(sessionResult.decision == .implicitDeny)
        #expect(sessionResult.responsiblePolicyKind == .session)
        let sessionDeny = try policy(#"{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}"#)
        #expect(PolicyEvaluator.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k"), policies: PolicySet(identityPolicies: [identity], sessionPolicies: [sessionDeny])).responsiblePolicyKind == .session)
    }

    @Test("SCPs must allow and never grant; their missing Allow uses the SCP wording")
    func serviceControlPolicies() throws {
        let identity = try policy(allowGet)
        let fullAccess = try policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#)
        let denyS3 = try policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, #"{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}"#)
        let onlyGlue = try policy(#"{"Effect": "Allow", "Action": "glue:*", "Resource": "*"}"#)
        let req = request("s3:GetObject", "arn:aws:s3:::b/k")
        #expect(decide(req, PolicySet(identityPolicies: [identity], serviceControlPolicies: [fullAccess])) == .allowed)
        #expect(decide(req, PolicySet(serviceControlPolicies: [fullAccess])) == .implicitDeny)
        let denied = PolicyEvaluator.evaluate(req, policies: PolicySet(identityPolicies: [identity], serviceControlPolicies: [denyS3]))
        #expect(denied.decision == .explicitDeny)
        #expect(denied.denialMessage().hasSuffix("with an explicit deny in a service control policy"))
        let missing = PolicyEvaluator.evaluate(req, policies: PolicySet(identityPolicies: [identity], serviceControlPolicies: [onlyGlue]))
        #expect(missing.decision == .implicitDeny)
        #expect(missing.denialMessage().hasSuffix("because no service control policy allows the s3:GetObject action"))
    }

    @Test("Trust policies: the service principal, same-account delegation and the trust wording")
    func trustPolicies() throws {
        let trust = try policy(#"{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}"#)
        let roleARN = "arn:aws:iam::111122223333:role/data-lake-test-job-role"
        let glue = AuthorizationRequest(servicePrincipal: "glue.amazonaws.com", action: "sts:AssumeRole", resource: roleARN)
        #expect(decide(glue, PolicySet(resourcePolicy: trust)) == .allowed)
        let lambda = AuthorizationRequest(servicePrincipal: "lambda.amazonaws.com", action: "sts:AssumeRole", resource: roleARN)
        let lambdaResult = PolicyEvaluator.evaluate(lambda, policies: PolicySet(resourcePolicy: trust))
        #expect(lambdaResult.decision == .implicitDeny)
        #expect(lambdaResult.denialMessage() == "User: lambda.amazonaws.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/data-lake-test-job-role because no role trust policy allows the sts:AssumeRole action")
        // An identity Allow alone is not enough to assume a role.
        let assume = try policy(#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}"#)
        #expect(decide(request("sts:AssumeRole", roleARN), PolicySet(identityPolicies: [assume], resourcePolicy: trust)) == .implicitDeny)
        // Trust naming the account delegates: the identity policy must allow too.
        let accountTrust = try policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#)
        #expect(decide(request("sts:AssumeRole", roleARN), PolicySet(resourcePolicy: accountTrust)) == .implicitDeny)
        #expect(decide(request("sts:AssumeRole", roleARN), PolicySet(identityPolicies: [assume], resourcePolicy: accountTrust)) == .allowed)
        // Trust naming the session directly needs no identity permission.
        let sessionTrust = try policy(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/R/s"}, "Action": "sts:AssumeRole"}"#)
        #expect(decide(request("sts:AssumeRole", roleARN), PolicySet(resourcePolicy: sessionTrust)) == .allowed)
        #expect(decide(request("sts:AssumeRole", roleARN), PolicySet(identityPolicies: [assume])) == .implicitDeny)
    }

    @Test("NotPrincipal with Deny: excluded only when account, role and session are all listed; never with a boundary")
    func notPrincipal() throws {
        let allowAll = try policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#)
        func bucket(_ listed: String) throws -> PolicyDocument {
            try policy(#"{"Effect": "Deny", "NotPrincipal": {"AWS": \#(listed)}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}"#)
        }
        let all = #"["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/R", "arn:aws:sts::111122223333:assumed-role/R/s"]"#
        let req = request("s3:GetObject", "arn:aws:s3:::b/k")
        #expect(decide(req, PolicySet(identityPolicies: [allowAll], resourcePolicy: try bucket(all))) == .allowed)
        #expect(decide(req, PolicySet(identityPolicies: [allowAll], resourcePolicy: try bucket(#"["arn:aws:sts::111122223333:assumed-role/R/s"]"#))) == .explicitDeny)
        #expect(decide(req, PolicySet(identityPolicies: [allowAll], resourcePolicy: try bucket(all), permissionsBoundary: allowAll)) == .explicitDeny)
    }

    @Test("The administrator has every identity permission; resource-policy denies still apply")
    func administrator() throws {
        let admin = CallerIdentity.administrator(accountID: "111122223333")
        #expect(admin.arn.description == "arn:aws:iam::111122223333:root")
        #expect(admin.authorize(action: "s3:PutObject", resource: "arn:aws:s3:::b/k").decision == .allowed)
        let deny = try bucketPolicy(#""*""#, effect: "Deny", action: "s3:PutObject")
        #expect(admin.authorize(action: "s3:PutObject", resource: "arn:aws:s3:::b/k", resourcePolicy: deny).decision == .explicitDeny)
        let role = CallerIdentity(arn: sessionARN, accountID: "111122223333", policies: PolicySet(identityPolicies: [try policy(allowGet)]))
        #expect(role.authorize(action: "s3:GetObject", resource: "arn:aws:s3:::b/k").decision == .allowed)
        #expect(role.authorize(action: "s3:PutObject", resource: "arn:aws:s3:::b/k").decision == .implicitDeny)
    }

    @Test("KMS keys: the key policy must allow; naming the account delegates to IAM")
    func kmsKeys() throws {
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let decrypt = try policy(#"{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}"#)
        let keyPolicy = try policy(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}"#)
        #expect(decide(request("kms:Decrypt", key), PolicySet(identityPolicies: [decrypt], resourcePolicy: keyPolicy)) == .allowed)
        #expect(decide(request("kms:Decrypt", key), PolicySet(identityPolicies: [decrypt])) == .implicitDeny)
        #expect(decide(request("kms:Decrypt", key), PolicySet(resourcePolicy: keyPolicy)) == .implicitDeny)
    }
}
