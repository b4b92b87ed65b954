#!/usr/bin/env python3
"""Writes SampleData/iam/cases/*.json, the simulate-cases corpus of the IAM evaluator.

Every expectation below is written by hand from shared/reference/iam-semantics.md (the section is
named in each group); nothing is computed by LocalGlue. Run from the repository root:
    python3 scripts/iam-cases.py
"""
import json
import os

A = "111122223333"          # the caller's account
B = "444455556666"          # another account
SESSION = f"arn:aws:sts::{A}:assumed-role/R/s"
ROLE = f"arn:aws:iam::{A}:role/R"
USER = f"arn:aws:iam::{A}:user/alice"
X_SESSION = f"arn:aws:sts::{B}:assumed-role/X/s"
X_ROLE = f"arn:aws:iam::{B}:role/X"
OBJ = "arn:aws:s3:::b/k"
BUCKET = "arn:aws:s3:::b"
V = "2012-10-17"

GROUPS = {}


def st(effect, action=None, resource=None, *, not_action=None, not_resource=None, principal=None,
       not_principal=None, condition=None, sid=None):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["Principal"] = principal
    if not_principal is not None:
        s["NotPrincipal"] = not_principal
    if action is not None:
        s["Action"] = action
    if not_action is not None:
        s["NotAction"] = not_action
    if resource is not None:
        s["Resource"] = resource
    if not_resource is not None:
        s["NotResource"] = not_resource
    if condition is not None:
        s["Condition"] = condition
    return s


def allow(action, resource="*", **kw):
    return st("Allow", action, None if "not_resource" in kw else resource, **kw)


def deny(action, resource="*", **kw):
    return st("Deny", action, None if "not_resource" in kw else resource, **kw)


def doc(*statements, version=V):
    d = {}
    if version:
        d["Version"] = version
    d["Statement"] = list(statements)
    return d


def case(group, cid, expect, *, identity=None, resource=None, boundary=None, session=None, scp=None,
         principal=SESSION, action="s3:GetObject", res=OBJ, ctx=None, racct=None, desc=None, tags=None):
    policies = {"identity": identity or []}
    if resource is not None:
        policies["resource"] = [resource]
    if boundary is not None:
        policies["boundary"] = boundary
    if session is not None:
        policies["session"] = session
    if scp is not None:
        policies["scp"] = scp
    request = {"principal": principal, "action": action, "resource": res}
    if ctx:
        request["context"] = ctx
    if racct:
        request["resourceAccount"] = racct
    c = {"id": f"{group}-{len(GROUPS.setdefault(group, [])) + 1:03d}-{cid}"}
    if desc:
        c["description"] = desc
    if tags:
        c["tags"] = tags
    c["policies"] = policies
    c["request"] = request
    c["expect"] = expect
    GROUPS[group].append(c)


ALLOW_ALL = doc(allow("*", "*"))

# ---------------------------------------------------------------------------------------------
# core: decision precedence and the Action / Resource elements (spec 1 and 2)
g = "core"
case(g, "no-policy", "implicit-deny", desc="nothing allows: implicit deny is the default")
case(g, "allow-exact", "allow", identity=[doc(allow("s3:GetObject", OBJ))])
case(g, "allow-then-deny", "explicit-deny", identity=[doc(allow("s3:*"), deny("s3:GetObject"))])
case(g, "deny-other-policy", "explicit-deny", identity=[doc(allow("*")), doc(deny("s3:Get*", OBJ))])
case(g, "deny-other-action", "allow", identity=[doc(allow("*"), deny("s3:PutObject"))])
case(g, "deny-other-resource", "allow", identity=[doc(allow("*"), deny("*", "arn:aws:s3:::other/*"))])
case(g, "deny-alone", "explicit-deny", identity=[doc(deny("*"))])
case(g, "statement-object", "allow", identity=[{"Version": V, "Statement": allow("s3:GetObject", OBJ)}],
     desc="Statement may be a single object")
case(g, "action-case", "allow", identity=[doc(allow("S3:getobject", OBJ))], desc="actions are case-insensitive")
case(g, "request-action-case", "allow", identity=[doc(allow("s3:GetObject", OBJ))], action="S3:GETOBJECT")
case(g, "action-star", "allow", identity=[doc(allow("*", OBJ))])
case(g, "action-service-star", "allow", identity=[doc(allow("s3:*", OBJ))])
case(g, "action-prefix-glob", "allow", identity=[doc(allow("s3:Get*", OBJ))])
case(g, "action-prefix-glob-miss", "implicit-deny", identity=[doc(allow("s3:Get*", OBJ))], action="s3:PutObject")
case(g, "action-middle-glob", "allow", identity=[doc(allow("s3:*Object", OBJ))], action="s3:DeleteObject")
case(g, "action-question", "allow", identity=[doc(allow("s3:?etObject", OBJ))])
case(g, "action-question-miss", "implicit-deny", identity=[doc(allow("s3:?GetObject", OBJ))])
case(g, "action-other-service", "implicit-deny", identity=[doc(allow("glue:*"))])
case(g, "action-list", "allow", identity=[doc(allow(["s3:PutObject", "s3:GetObject"], OBJ))])
case(g, "action-empty-list", "implicit-deny", identity=[doc(allow([], "*"))], desc="an empty array matches nothing")
case(g, "action-prefix-only", "implicit-deny", identity=[doc(allow("s3:Get", OBJ))], desc="the whole action must match")
case(g, "notaction-allows-others", "allow", identity=[doc(allow(None, "*", not_action="iam:*"))])
case(g, "notaction-excludes", "implicit-deny", identity=[doc(allow(None, "*", not_action="s3:*"))])
case(g, "notaction-deny", "explicit-deny", identity=[doc(allow("*"), deny(None, "*", not_action=["iam:*", "sts:*"]))])
case(g, "notaction-deny-listed", "allow", identity=[doc(allow("*"), deny(None, "*", not_action="s3:Get*"))])
case(g, "notaction-other-service", "allow", identity=[doc(allow(None, "*", not_action="iam:*"))],
     action="glue:GetTable", res=f"arn:aws:glue:us-east-1:{A}:table/db/t", desc="NotAction spans every service")
case(g, "resource-case", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::B/k"))],
     desc="resources are case-sensitive")
case(g, "resource-star", "allow", identity=[doc(allow("s3:GetObject", "*"))])
case(g, "resource-bucket-star", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))],
     res="arn:aws:s3:::b/dir/sub/file.csv", desc="* spans /")
case(g, "resource-star-colon", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))],
     res="arn:aws:s3:::b/a:b/c", desc="* spans : in the key")
case(g, "resource-exact-not-prefix", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/in"))],
     res="arn:aws:s3:::b/in/x", desc="a pattern must match the whole ARN")
case(g, "resource-question", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/?"))])
case(g, "resource-question-two", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/?"))],
     res="arn:aws:s3:::b/kk")
case(g, "resource-dot-literal", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/a.c"))],
     res="arn:aws:s3:::b/abc", desc="regex metacharacters are literal")
case(g, "resource-plus-literal", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/a+c"))],
     res="arn:aws:s3:::b/a+c")
case(g, "bucket-arn-not-object", "implicit-deny", identity=[doc(allow("s3:GetObject", BUCKET))],
     desc="GetObject on the bucket ARN grants nothing on objects")
case(g, "object-arn-not-bucket", "implicit-deny", identity=[doc(allow("s3:ListBucket", "arn:aws:s3:::b/*"))],
     action="s3:ListBucket", res=BUCKET)
case(g, "listbucket-bucket", "allow", identity=[doc(allow("s3:ListBucket", BUCKET))], action="s3:ListBucket", res=BUCKET)
case(g, "bucket-star-covers-both", "allow", identity=[doc(allow("s3:ListBucket", "arn:aws:s3:::b*"))],
     action="s3:ListBucket", res=BUCKET)
case(g, "listallmybuckets-star", "allow", identity=[doc(allow("s3:ListAllMyBuckets", "*"))],
     action="s3:ListAllMyBuckets", res="*")
case(g, "listallmybuckets-arn", "implicit-deny", identity=[doc(allow("s3:ListAllMyBuckets", "arn:aws:s3:::*"))],
     action="s3:ListAllMyBuckets", res="*", desc="an account-level action needs Resource *")
case(g, "resource-list", "allow", identity=[doc(allow("s3:GetObject", ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]))])
case(g, "notresource-allows-others", "allow", identity=[doc(allow("s3:*", not_resource="arn:aws:s3:::secret/*"))])
case(g, "notresource-excludes", "implicit-deny", identity=[doc(allow("s3:*", not_resource="arn:aws:s3:::b/*"))])
case(g, "notresource-deny", "explicit-deny", identity=[doc(allow("*"), deny("s3:*", not_resource=["arn:aws:s3:::ok", "arn:aws:s3:::ok/*"]))])
case(g, "notresource-deny-listed", "allow", identity=[doc(allow("*"), deny("s3:*", not_resource=["arn:aws:s3:::b", "arn:aws:s3:::b/*"]))])
case(g, "malformed-arn-matches-nothing", "implicit-deny",
     identity=[doc(allow("s3:PutObject", "arn:aws:s3::b/*"))], action="s3:PutObject",
     desc="an ARN with five fields never equals a real ARN (lenient load)")
case(g, "glue-table", "allow", identity=[doc(allow("glue:GetTable", f"arn:aws:glue:us-east-1:{A}:table/db/*"))],
     action="glue:GetTable", res=f"arn:aws:glue:us-east-1:{A}:table/db/t")
case(g, "glue-region-star", "allow", identity=[doc(allow("glue:GetTable", f"arn:aws:glue:*:{A}:table/db/t"))],
     action="glue:GetTable", res=f"arn:aws:glue:eu-west-1:{A}:table/db/t")
case(g, "glue-uppercase-policy", "implicit-deny", identity=[doc(allow("glue:GetTable", f"arn:aws:glue:us-east-1:{A}:table/DB/T"))],
     action="glue:GetTable", res=f"arn:aws:glue:us-east-1:{A}:table/db/t", desc="Glue ARNs are lower-case; a capitalised policy ARN never matches")
case(g, "logs-resource-type-glob", "allow", identity=[doc(allow("logs:PutLogEvents", "arn:aws:logs:*:*:*:/aws-glue/*"))],
     action="logs:PutLogEvents", res=f"arn:aws:logs:us-east-1:{A}:log-group:/aws-glue/jobs/output:log-stream:jr_1",
     tags=["uncertain"], desc="AWSGlueServiceRole's logs ARN, read as a plain glob")
case(g, "legacy-version", "allow", identity=[doc(allow("s3:GetObject", OBJ), version="2008-10-17")])
case(g, "missing-version", "allow", identity=[doc(allow("s3:GetObject", OBJ), version=None)])
case(g, "sid-no-effect", "allow", identity=[doc(allow("s3:GetObject", OBJ, sid="AnySid"))])
case(g, "empty-condition", "allow", identity=[doc(allow("s3:GetObject", OBJ, condition={}))])
case(g, "many-policies-one-allows", "allow", identity=[doc(allow("glue:*")), doc(allow("kms:*")), doc(allow("s3:GetObject"))])

# ---------------------------------------------------------------------------------------------
# conditions: every operator family, IfExists, missing keys (spec 3.1, 3.2)
g = "cond"


def cond_case(cid, expect, condition, ctx=None, effect="Allow", desc=None, version=V, tags=None):
    if effect == "Allow":
        identity = [doc(allow("s3:GetObject", "*", condition=condition), version=version)]
    else:
        identity = [doc(allow("s3:GetObject", "*"), deny("s3:GetObject", "*", condition=condition), version=version)]
    case(g, cid, expect, identity=identity, ctx=ctx, desc=desc, tags=tags)


# String
cond_case("streq", "allow", {"StringEquals": {"aws:PrincipalTag/team": "data"}}, {"aws:PrincipalTag/team": "data"})
cond_case("streq-case", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "data"}}, {"aws:PrincipalTag/team": "Data"})
cond_case("streq-keycase", "allow", {"StringEquals": {"AWS:PRINCIPALTAG/TEAM": "data"}}, {"aws:principaltag/team": "data"},
          desc="condition key names are case-insensitive, tag part included")
cond_case("streq-or-values", "allow", {"StringEquals": {"aws:PrincipalTag/team": ["ops", "data"]}}, {"aws:PrincipalTag/team": "data"})
cond_case("streq-star-literal", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "d*"}}, {"aws:PrincipalTag/team": "data"})
cond_case("streq-missing", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "data"}})
cond_case("streq-empty-list", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "data"}}, {"aws:PrincipalTag/team": []},
          desc="an empty list is absent")
cond_case("strne", "allow", {"StringNotEquals": {"aws:PrincipalTag/team": "ops"}}, {"aws:PrincipalTag/team": "data"})
cond_case("strne-nor", "implicit-deny", {"StringNotEquals": {"aws:PrincipalTag/team": ["ops", "data"]}}, {"aws:PrincipalTag/team": "data"},
          desc="negated operators are NOR over the values")
cond_case("strne-nor-true", "allow", {"StringNotEquals": {"aws:PrincipalTag/team": ["ops", "sec"]}}, {"aws:PrincipalTag/team": "data"})
cond_case("strne-missing", "allow", {"StringNotEquals": {"aws:PrincipalTag/team": "ops"}}, desc="negated operator, key missing: true")
cond_case("streqic", "allow", {"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "DATA"}}, {"aws:PrincipalTag/team": "data"})
cond_case("strneic", "implicit-deny", {"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/team": "DATA"}}, {"aws:PrincipalTag/team": "data"})
cond_case("strneic-missing", "allow", {"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/team": "DATA"}})
cond_case("strlike", "allow", {"StringLike": {"s3:prefix": "home/*"}}, {"s3:prefix": "home/alice/x"})
cond_case("strlike-miss", "implicit-deny", {"StringLike": {"s3:prefix": "home/*"}}, {"s3:prefix": "tmp/x"})
cond_case("strlike-question", "allow", {"StringLike": {"s3:prefix": "home/?"}}, {"s3:prefix": "home/a"})
cond_case("strlike-case", "implicit-deny", {"StringLike": {"s3:prefix": "home/*"}}, {"s3:prefix": "HOME/x"})
cond_case("strlike-empty-matches-empty", "allow", {"StringLike": {"s3:prefix": ""}}, {"s3:prefix": ""})
cond_case("strlike-empty-not-other", "implicit-deny", {"StringLike": {"s3:prefix": ""}}, {"s3:prefix": "a"})
cond_case("strlike-star-missing", "implicit-deny", {"StringLike": {"sts:SourceIdentity": "*"}},
          desc="StringLike * still requires the key")
cond_case("strnotlike", "allow", {"StringNotLike": {"s3:prefix": ["home/*", "tmp/*"]}}, {"s3:prefix": "etc/x"})
cond_case("strnotlike-hit", "implicit-deny", {"StringNotLike": {"s3:prefix": ["home/*", "tmp/*"]}}, {"s3:prefix": "tmp/x"})
cond_case("strnotlike-missing", "allow", {"StringNotLike": {"s3:prefix": "home/*"}})
# Numeric
cond_case("numeq-decimal", "allow", {"NumericEquals": {"s3:max-keys": "10"}}, {"s3:max-keys": "10.0"})
cond_case("numeq-json-number", "allow", {"NumericEquals": {"s3:max-keys": 10}}, {"s3:max-keys": "10"})
cond_case("numne", "allow", {"NumericNotEquals": {"s3:max-keys": [10, 20]}}, {"s3:max-keys": "30"})
cond_case("numne-nor", "implicit-deny", {"NumericNotEquals": {"s3:max-keys": [10, 20]}}, {"s3:max-keys": "20"})
cond_case("numlt", "allow", {"NumericLessThan": {"s3:max-keys": "10"}}, {"s3:max-keys": "9"})
cond_case("numlt-edge", "implicit-deny", {"NumericLessThan": {"s3:max-keys": "10"}}, {"s3:max-keys": "10"})
cond_case("numlte", "allow", {"NumericLessThanEquals": {"s3:max-keys": "10"}}, {"s3:max-keys": "10"})
cond_case("numgt-not-lexical", "allow", {"NumericGreaterThan": {"s3:max-keys": "9"}}, {"s3:max-keys": "10"},
          desc="10 > 9 numerically, not as text")
cond_case("numgte", "implicit-deny", {"NumericGreaterThanEquals": {"s3:max-keys": "100"}}, {"s3:max-keys": "99.5"})
cond_case("numeq-unparsable", "implicit-deny", {"NumericEquals": {"s3:max-keys": "10"}}, {"s3:max-keys": "ten"})
cond_case("numlt-missing", "implicit-deny", {"NumericLessThan": {"s3:max-keys": "10"}})
cond_case("numlt-ifexists-missing", "allow", {"NumericLessThanIfExists": {"s3:max-keys": "10"}})
cond_case("numlt-ifexists-present", "implicit-deny", {"NumericLessThanIfExists": {"s3:max-keys": "10"}}, {"s3:max-keys": "50"})
# Date
cond_case("dategt", "allow", {"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}, {"aws:CurrentTime": "2026-11-22T12:00:00Z"})
cond_case("datelt-expired", "implicit-deny", {"DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}, {"aws:CurrentTime": "2026-11-22T12:00:00Z"})
cond_case("dateeq-offset", "allow", {"DateEquals": {"aws:CurrentTime": "2026-01-01T02:00:00+02:00"}}, {"aws:CurrentTime": "2026-01-01T00:00:00Z"},
          desc="instants are compared, whatever the zone")
cond_case("date-epoch-policy", "allow", {"DateGreaterThanEquals": {"aws:CurrentTime": "1767225600"}}, {"aws:CurrentTime": "2026-01-01T00:00:00Z"})
cond_case("date-epoch-request", "allow", {"DateLessThan": {"aws:EpochTime": "2026-01-01T00:00:01Z"}}, {"aws:EpochTime": "1767225600"})
cond_case("date-only", "allow", {"DateLessThanEquals": {"aws:CurrentTime": "2026-01-01"}}, {"aws:CurrentTime": "2026-01-01T00:00:00Z"})
cond_case("datene", "allow", {"DateNotEquals": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}, {"aws:CurrentTime": "2026-01-02T00:00:00Z"})
cond_case("date-missing", "implicit-deny", {"DateGreaterThan": {"aws:TokenIssueTime": "2026-01-01T00:00:00Z"}})
cond_case("date-ifexists", "allow", {"DateGreaterThanIfExists": {"aws:TokenIssueTime": "2026-01-01T00:00:00Z"}})
# Bool / Binary
cond_case("bool-true", "allow", {"Bool": {"aws:SecureTransport": "true"}}, {"aws:SecureTransport": "true"})
cond_case("bool-json", "allow", {"Bool": {"aws:SecureTransport": True}}, {"aws:SecureTransport": True})
cond_case("bool-false", "implicit-deny", {"Bool": {"aws:SecureTransport": "false"}}, {"aws:SecureTransport": "true"})
cond_case("bool-deny-http", "explicit-deny", {"Bool": {"aws:SecureTransport": "false"}}, {"aws:SecureTransport": "false"}, effect="Deny")
cond_case("bool-deny-https", "allow", {"Bool": {"aws:SecureTransport": "false"}}, {"aws:SecureTransport": "true"}, effect="Deny")
cond_case("bool-missing", "implicit-deny", {"Bool": {"aws:MultiFactorAuthPresent": "true"}})
cond_case("boolifexists-missing", "allow", {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}})
cond_case("binary-equal", "allow", {"BinaryEquals": {"s3:x-amz-key": "QmluYXJ5VmFsdWU="}}, {"s3:x-amz-key": "QmluYXJ5VmFsdWU="})
cond_case("binary-differs", "implicit-deny", {"BinaryEquals": {"s3:x-amz-key": "QmluYXJ5VmFsdWU="}}, {"s3:x-amz-key": "T3RoZXI="})
# IP
cond_case("ip-in", "allow", {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "203.0.113.10"})
cond_case("ip-out", "implicit-deny", {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "198.51.100.1"})
cond_case("ip-bare", "allow", {"IpAddress": {"aws:SourceIp": "203.0.113.10"}}, {"aws:SourceIp": "203.0.113.10"})
cond_case("ip-list", "allow", {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"]}}, {"aws:SourceIp": "10.1.2.3"})
cond_case("ip-v6", "allow", {"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}, {"aws:SourceIp": "2001:db8:1234:5678::99"})
cond_case("ip-v6-out", "implicit-deny", {"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}, {"aws:SourceIp": "2001:db8:1234:9999::1"})
cond_case("ip-v6-vs-v4", "implicit-deny", {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, {"aws:SourceIp": "2001:db8::1"},
          desc="an IPv6 source never matches an IPv4 range")
cond_case("ip-missing", "implicit-deny", {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, desc="via a VPC endpoint there is no SourceIp")
cond_case("notip-out", "allow", {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "198.51.100.1"})
cond_case("notip-deny-outside", "explicit-deny", {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "198.51.100.1"}, effect="Deny")
cond_case("notip-deny-inside", "allow", {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, {"aws:SourceIp": "203.0.113.5"}, effect="Deny")
cond_case("notip-deny-missing", "explicit-deny", {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, effect="Deny",
          desc="NotIpAddress with no SourceIp is true: the Deny fires")
# ARN
cond_case("arnlike", "allow", {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/data-*"}}, {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/data-eng"})
cond_case("arnequals-wildcards", "allow", {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::*:role/R"}}, {"aws:PrincipalArn": ROLE},
          desc="ArnEquals honours wildcards like ArnLike")
cond_case("arnlike-per-component", "implicit-deny", {"ArnLike": {"aws:SourceArn": "arn:aws:s3:*"}}, {"aws:SourceArn": f"arn:aws:s3:us-east-1:{A}:x"},
          desc="each of the six components is matched separately")
cond_case("stringlike-arn-crosses", "allow", {"StringLike": {"aws:SourceArn": "arn:aws:s3:*"}}, {"aws:SourceArn": f"arn:aws:s3:us-east-1:{A}:x"})
cond_case("arnlike-not-arn", "implicit-deny", {"ArnLike": {"aws:SourceArn": "arn:aws:*:*:*:*"}}, {"aws:SourceArn": "bucket"})
cond_case("arnlike-case", "implicit-deny", {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/r"}}, {"aws:PrincipalArn": ROLE})
cond_case("arnnotlike", "allow", {"ArnNotLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/admin-*"}}, {"aws:PrincipalArn": ROLE})
cond_case("arnnotequals-hit", "implicit-deny", {"ArnNotEquals": {"aws:PrincipalArn": ROLE}}, {"aws:PrincipalArn": ROLE})
cond_case("arnnotlike-missing", "allow", {"ArnNotLike": {"aws:SourceArn": "arn:aws:s3:::x"}})
# Null
cond_case("null-true-absent", "allow", {"Null": {"aws:MultiFactorAuthAge": "true"}})
cond_case("null-true-json", "allow", {"Null": {"aws:MultiFactorAuthAge": True}})
cond_case("null-true-present", "implicit-deny", {"Null": {"aws:MultiFactorAuthAge": "true"}}, {"aws:MultiFactorAuthAge": "120"})
cond_case("null-false-present", "allow", {"Null": {"s3:prefix": "false"}}, {"s3:prefix": ""}, desc="an explicit empty prefix is present")
cond_case("null-false-absent", "implicit-deny", {"Null": {"s3:prefix": False}})
# IfExists and missing-key rules
cond_case("ifexists-string-missing", "allow", {"StringEqualsIfExists": {"aws:PrincipalTag/team": "data"}})
cond_case("ifexists-string-other", "implicit-deny", {"StringEqualsIfExists": {"aws:PrincipalTag/team": "data"}}, {"aws:PrincipalTag/team": "ops"})
cond_case("notequals-ifexists-deny-missing", "explicit-deny", {"StringNotEqualsIfExists": {"aws:RequestedRegion": "us-east-1"}}, effect="Deny",
          desc="a negated IfExists Deny with the key missing still applies")
cond_case("notequals-ifexists-deny-ok", "allow", {"StringNotEqualsIfExists": {"aws:RequestedRegion": "us-east-1"}}, {"aws:RequestedRegion": "us-east-1"}, effect="Deny")
cond_case("ip-ifexists-missing", "allow", {"IpAddressIfExists": {"aws:SourceIp": "10.0.0.0/8"}})
cond_case("arn-ifexists-missing", "allow", {"ArnLikeIfExists": {"aws:SourceArn": "arn:aws:s3:::x"}})
# Combination rules
cond_case("and-operators", "allow", {"StringEquals": {"aws:PrincipalTag/team": "data"}, "Bool": {"aws:SecureTransport": "true"}},
          {"aws:PrincipalTag/team": "data", "aws:SecureTransport": "true"})
cond_case("and-operators-one-fails", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "data"}, "Bool": {"aws:SecureTransport": "true"}},
          {"aws:PrincipalTag/team": "data", "aws:SecureTransport": "false"})
cond_case("and-keys", "allow", {"StringEquals": {"aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1"}},
          {"aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1"})
cond_case("and-keys-one-missing", "implicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1"}},
          {"aws:PrincipalTag/team": "data"})
cond_case("deny-condition-false", "allow", {"StringEquals": {"aws:PrincipalTag/team": "ops"}}, {"aws:PrincipalTag/team": "data"}, effect="Deny")
cond_case("deny-condition-true", "explicit-deny", {"StringEquals": {"aws:PrincipalTag/team": "ops"}}, {"aws:PrincipalTag/team": "ops"}, effect="Deny")

# ---------------------------------------------------------------------------------------------
# sets: ForAllValues / ForAnyValue (spec 3.3)
g = "set"


def set_case(cid, expect, condition, ctx=None, effect="Allow", desc=None):
    global g
    if effect == "Allow":
        identity = [doc(allow("s3:PutObject", "*", condition=condition))]
    else:
        identity = [doc(allow("s3:PutObject", "*"), deny("s3:PutObject", "*", condition=condition))]
    case(g, cid, expect, identity=identity, action="s3:PutObject", ctx=ctx, desc=desc)


set_case("all-subset", "allow", {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "owner"]}}, {"aws:TagKeys": ["env"]})
set_case("all-equal", "allow", {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "owner"]}}, {"aws:TagKeys": ["owner", "env"]})
set_case("all-extra", "implicit-deny", {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "owner"]}}, {"aws:TagKeys": ["env", "cost"]})
set_case("all-absent-vacuous", "allow", {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}, desc="ForAllValues is true when the key is absent")
set_case("all-empty-vacuous", "allow", {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": []})
set_case("all-like", "allow", {"ForAllValues:StringLike": {"aws:TagKeys": ["team-*"]}}, {"aws:TagKeys": ["team-a", "team-b"]})
set_case("all-like-miss", "implicit-deny", {"ForAllValues:StringLike": {"aws:TagKeys": ["team-*"]}}, {"aws:TagKeys": ["team-a", "cost"]})
set_case("any-hit", "allow", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["cost", "env"]})
set_case("any-miss", "implicit-deny", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["cost"]})
set_case("any-absent", "implicit-deny", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}})
set_case("any-ifexists-absent", "implicit-deny", {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["env"]}},
         desc="IfExists does not rescue ForAnyValue when the key is absent")
set_case("all-notequals", "allow", {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}, {"aws:TagKeys": ["env", "owner"]})
set_case("all-notequals-hit", "implicit-deny", {"ForAllValues:StringNotEquals": {"aws:TagKeys": ["secret"]}}, {"aws:TagKeys": ["env", "secret"]})
set_case("any-notequals", "allow", {"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["env", "owner"]})
set_case("any-notequals-only-listed", "implicit-deny", {"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["env"]})
set_case("any-notequals-absent", "implicit-deny", {"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["env"]}})
set_case("deny-any-secret", "explicit-deny", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["secret"]}}, {"aws:TagKeys": ["a", "secret"]}, effect="Deny")
set_case("deny-any-secret-absent", "allow", {"ForAnyValue:StringEquals": {"aws:TagKeys": ["secret"]}}, effect="Deny")
set_case("deny-all-absent-fires", "explicit-deny", {"ForAllValues:StringEquals": {"aws:TagKeys": ["x"]}}, effect="Deny",
         desc="vacuous truth makes a ForAllValues Deny fire with no tags")
set_case("single-value-as-set", "allow", {"ForAnyValue:StringEquals": {"aws:RequestedRegion": ["us-east-1"]}}, {"aws:RequestedRegion": "us-east-1"},
         desc="a single value is a one-element set")
set_case("plain-op-multivalued", "implicit-deny", {"StringEquals": {"aws:TagKeys": "env"}}, {"aws:TagKeys": ["env"]},
         desc="a plain operator on a multivalued key never matches (choice 2)")
set_case("plain-negated-multivalued", "implicit-deny", {"StringNotEquals": {"aws:TagKeys": "x"}}, {"aws:TagKeys": ["env", "owner"]})
set_case("plain-multivalued-deny", "allow", {"StringEquals": {"aws:TagKeys": "secret"}}, {"aws:TagKeys": ["secret", "b"]}, effect="Deny")
set_case("any-numeric", "allow", {"ForAnyValue:NumericGreaterThan": {"s3:x-amz-sizes": "100"}}, {"s3:x-amz-sizes": ["5", "500"]})
set_case("all-numeric", "implicit-deny", {"ForAllValues:NumericGreaterThan": {"s3:x-amz-sizes": "100"}}, {"s3:x-amz-sizes": ["5", "500"]})
set_case("glue-service-role-ec2-tags", "allow",
         {"ForAllValues:StringEquals": {"aws:TagKeys": ["aws-glue-service-resource"]}}, {"aws:TagKeys": ["aws-glue-service-resource"]})

# ---------------------------------------------------------------------------------------------
# vars: policy variables (spec 4)
g = "var"
HOME = "arn:aws:s3:::b/home/${aws:username}/*"
case(g, "username", "allow", identity=[doc(allow("s3:GetObject", HOME))], principal=USER,
     res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "alice"})
case(g, "username-other", "implicit-deny", identity=[doc(allow("s3:GetObject", HOME))], principal=USER,
     res="arn:aws:s3:::b/home/bob/f", ctx={"aws:username": "alice"})
case(g, "username-key-case", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/home/${AWS:UserName}/*"))],
     principal=USER, res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "alice"})
case(g, "role-has-no-username", "implicit-deny", identity=[doc(allow("s3:GetObject", HOME))],
     res="arn:aws:s3:::b/home/alice/f", desc="roles have no aws:username: the entry matches nothing")
case(g, "legacy-literal", "implicit-deny", identity=[doc(allow("s3:GetObject", HOME), version="2008-10-17")], principal=USER,
     res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "alice"}, desc="2008-10-17: variables are literal text")
case(g, "legacy-literal-matches-text", "allow", identity=[doc(allow("s3:GetObject", HOME), version="2008-10-17")], principal=USER,
     res="arn:aws:s3:::b/home/${aws:username}/f")
case(g, "missing-version-literal", "implicit-deny", identity=[doc(allow("s3:GetObject", HOME), version=None)], principal=USER,
     res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "alice"})
case(g, "default-used", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*"))],
     res="arn:aws:s3:::b/company-wide/x")
case(g, "default-not-used", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*"))],
     res="arn:aws:s3:::b/company-wide/x", ctx={"aws:PrincipalTag/team": "data"})
case(g, "tag-value", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/${aws:PrincipalTag/team}/*"))],
     res="arn:aws:s3:::b/data/x", ctx={"aws:PrincipalTag/team": "data"})
case(g, "escape-star", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/a${*}"))], res="arn:aws:s3:::b/a*")
case(g, "escape-star-literal", "implicit-deny", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/a${*}"))], res="arn:aws:s3:::b/abc",
     desc="${*} is a literal *, not a wildcard")
case(g, "escape-question", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/${?}"))], res="arn:aws:s3:::b/?")
case(g, "escape-dollar", "allow", identity=[doc(allow("s3:GetObject", "arn:aws:s3:::b/${$}x"))], res="arn:aws:s3:::b/$x")
case(g, "substituted-value-literal", "implicit-deny", identity=[doc(allow("s3:GetObject", HOME))], principal=USER,
     res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "*"}, desc="a substituted * is literal (choice 4)")
case(g, "condition-value", "allow", identity=[doc(allow("s3:ListBucket", BUCKET, condition={"StringLike": {"s3:prefix": "home/${aws:username}/*"}}))],
     principal=USER, action="s3:ListBucket", res=BUCKET, ctx={"aws:username": "alice", "s3:prefix": "home/alice/docs"})
case(g, "condition-value-other", "implicit-deny", identity=[doc(allow("s3:ListBucket", BUCKET, condition={"StringLike": {"s3:prefix": "home/${aws:username}/*"}}))],
     principal=USER, action="s3:ListBucket", res=BUCKET, ctx={"aws:username": "alice", "s3:prefix": "home/bob/docs"})
case(g, "condition-unresolved-positive", "implicit-deny", identity=[doc(allow("s3:GetObject", "*", condition={"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
     ctx={"aws:ResourceTag/team": "data"})
case(g, "condition-unresolved-negated-deny", "explicit-deny",
     identity=[doc(allow("s3:GetObject"), deny("s3:GetObject", "*", condition={"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
     ctx={"aws:ResourceTag/team": "data"}, desc="an unresolvable variable makes StringNotEquals true: the documented Deny fires")
case(g, "condition-tag-match", "allow",
     identity=[doc(allow("s3:GetObject"), deny("s3:GetObject", "*", condition={"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
     ctx={"aws:ResourceTag/team": "data", "aws:PrincipalTag/team": "data"})
case(g, "source-identity-dbuser", "allow",
     identity=[doc(allow("redshift:GetClusterCredentials", "*", condition={"StringEquals": {"redshift:DbUser": "${aws:SourceIdentity}"}}))],
     action="redshift:GetClusterCredentials", res=f"arn:aws:redshift:us-east-1:{A}:dbuser:c/alice",
     ctx={"redshift:DbUser": "alice", "aws:SourceIdentity": "alice"})
case(g, "source-identity-case", "implicit-deny",
     identity=[doc(allow("redshift:GetClusterCredentials", "*", condition={"StringEquals": {"redshift:DbUser": "${aws:SourceIdentity}"}}))],
     action="redshift:GetClusterCredentials", res=f"arn:aws:redshift:us-east-1:{A}:dbuser:c/alice",
     ctx={"redshift:DbUser": "Alice", "aws:SourceIdentity": "alice"})
case(g, "source-identity-absent", "implicit-deny",
     identity=[doc(allow("redshift:GetClusterCredentials", "*", condition={"StringEquals": {"redshift:DbUser": "${aws:SourceIdentity}"}}))],
     action="redshift:GetClusterCredentials", res=f"arn:aws:redshift:us-east-1:{A}:dbuser:c/alice", ctx={"redshift:DbUser": "alice"})
case(g, "notresource-unresolved-deny", "explicit-deny",
     identity=[doc(allow("s3:*"), deny("s3:*", not_resource="arn:aws:s3:::b/home/${aws:username}/*"))],
     res="arn:aws:s3:::b/home/alice/f", desc="an unresolvable NotResource entry excludes nothing (choice 3)")
case(g, "notresource-resolved", "allow",
     identity=[doc(allow("s3:*"), deny("s3:*", not_resource="arn:aws:s3:::b/home/${aws:username}/*"))], principal=USER,
     res="arn:aws:s3:::b/home/alice/f", ctx={"aws:username": "alice"})
case(g, "arn-condition-variable", "allow",
     identity=[doc(allow("s3:GetObject", "*", condition={"ArnLike": {"aws:SourceArn": "arn:aws:glue:*:${aws:PrincipalAccount}:job/*"}}))],
     ctx={"aws:SourceArn": f"arn:aws:glue:us-east-1:{A}:job/j", "aws:PrincipalAccount": A})

# ---------------------------------------------------------------------------------------------
# bucket: bucket policies in the same account (spec 1, 1.2)
g = "bucket"


def bp(principal, effect="Allow", action="s3:GetObject", resource="arn:aws:s3:::b/*", condition=None, not_principal=None, version=V):
    if not_principal is not None:
        return doc(st(effect, action, resource, not_principal=not_principal, condition=condition), version=version)
    return doc(st(effect, action, resource, principal=principal, condition=condition), version=version)


GET = doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))
LIST_ONLY = doc(allow("s3:List*"))
case(g, "star-direct", "allow", resource=bp("*"), desc="Principal * is a direct grant; no identity permission needed")
case(g, "aws-star-direct", "allow", resource=bp({"AWS": "*"}))
case(g, "session-direct", "allow", resource=bp({"AWS": SESSION}))
case(g, "other-session", "implicit-deny", resource=bp({"AWS": f"arn:aws:sts::{A}:assumed-role/R/other"}))
case(g, "user-direct", "allow", resource=bp({"AWS": USER}), principal=USER)
case(g, "user-name-case", "implicit-deny", resource=bp({"AWS": f"arn:aws:iam::{A}:user/Alice"}), principal=USER,
     desc="user names are case-sensitive")
case(g, "role-arn", "allow", resource=bp({"AWS": ROLE}), desc="the role ARN covers the role's sessions")
case(g, "role-arn-path-ignored", "allow", resource=bp({"AWS": f"arn:aws:iam::{A}:role/team/R"}))
case(g, "other-role", "implicit-deny", resource=bp({"AWS": f"arn:aws:iam::{A}:role/Other"}))
case(g, "role-arn-boundary-caps", "implicit-deny", resource=bp({"AWS": ROLE}), boundary=LIST_ONLY,
     desc="a role-ARN grant is limited by an implicit deny in the boundary")
case(g, "role-arn-session-caps", "implicit-deny", resource=bp({"AWS": ROLE}), session=LIST_ONLY)
case(g, "role-arn-boundary-allows", "allow", resource=bp({"AWS": ROLE}), boundary=doc(allow("s3:*")))
case(g, "session-arn-boundary-no-cap", "allow", resource=bp({"AWS": SESSION}), boundary=LIST_ONLY,
     desc="a session-ARN grant is not limited by the boundary")
case(g, "session-arn-session-no-cap", "allow", resource=bp({"AWS": SESSION}), session=LIST_ONLY)
case(g, "star-boundary", "allow", resource=bp("*"), boundary=LIST_ONLY, tags=["uncertain"], desc="choice 5: * is direct")
case(g, "account-root-delegates", "implicit-deny", resource=bp({"AWS": f"arn:aws:iam::{A}:root"}),
     desc="naming the account adds nothing: the identity policy must allow")
case(g, "account-id-delegates", "implicit-deny", resource=bp({"AWS": A}))
case(g, "account-with-identity", "allow", resource=bp({"AWS": A}), identity=[GET])
case(g, "identity-only", "allow", identity=[GET], resource=bp({"AWS": f"arn:aws:iam::{A}:role/Other"}))
case(g, "deny-star", "explicit-deny", identity=[GET], resource=bp("*", effect="Deny"))
case(g, "deny-session", "explicit-deny", identity=[GET], resource=bp({"AWS": SESSION}, effect="Deny"))
case(g, "deny-role", "explicit-deny", identity=[GET], resource=bp({"AWS": ROLE}, effect="Deny"))
case(g, "deny-other-role", "allow", identity=[GET], resource=bp({"AWS": f"arn:aws:iam::{A}:role/Other"}, effect="Deny"))
case(g, "deny-insecure-transport", "explicit-deny", identity=[GET],
     resource=bp("*", effect="Deny", action="s3:*", condition={"Bool": {"aws:SecureTransport": "false"}}),
     ctx={"aws:SecureTransport": "false"})
case(g, "deny-insecure-transport-https", "allow", identity=[GET],
     resource=bp("*", effect="Deny", action="s3:*", condition={"Bool": {"aws:SecureTransport": "false"}}),
     ctx={"aws:SecureTransport": "true"})
NOTP_ALL = [f"arn:aws:iam::{A}:root", ROLE, SESSION]
case(g, "notprincipal-all-listed", "allow", identity=[doc(allow("s3:*"))], resource=bp(None, effect="Deny", action="s3:*", not_principal={"AWS": NOTP_ALL}))
case(g, "notprincipal-session-only", "explicit-deny", identity=[doc(allow("s3:*"))],
     resource=bp(None, effect="Deny", action="s3:*", not_principal={"AWS": [SESSION]}),
     desc="the account and role must be listed too, or the Deny applies")
case(g, "notprincipal-other", "explicit-deny", identity=[doc(allow("s3:*"))],
     resource=bp(None, effect="Deny", action="s3:*", not_principal={"AWS": [f"arn:aws:iam::{A}:root", f"arn:aws:iam::{A}:role/Admin"]}))
case(g, "notprincipal-boundary-quirk", "explicit-deny", identity=[doc(allow("s3:*"))], boundary=doc(allow("s3:*")),
     resource=bp(None, effect="Deny", action="s3:*", not_principal={"AWS": NOTP_ALL}),
     desc="NotPrincipal+Deny always applies to a principal with a boundary")
case(g, "bucket-listbucket-prefix", "allow",
     resource=bp({"AWS": SESSION}, action="s3:ListBucket", resource=BUCKET, condition={"StringLike": {"s3:prefix": ["data/*"]}}),
     action="s3:ListBucket", res=BUCKET, ctx={"s3:prefix": "data/2024/"})
case(g, "bucket-listbucket-no-prefix", "implicit-deny",
     resource=bp({"AWS": SESSION}, action="s3:ListBucket", resource=BUCKET, condition={"StringLike": {"s3:prefix": ["data/*"]}}),
     action="s3:ListBucket", res=BUCKET)
case(g, "bucket-legacy-version", "allow", resource=bp("*", version="2008-10-17"))
case(g, "service-principal-bucket", "allow", principal="logging.s3.amazonaws.com", action="s3:PutObject",
     resource=bp({"Service": "logging.s3.amazonaws.com"}, action="s3:PutObject"))
case(g, "service-principal-wrong", "implicit-deny", principal="glue.amazonaws.com", action="s3:PutObject",
     resource=bp({"Service": "logging.s3.amazonaws.com"}, action="s3:PutObject"))
case(g, "resource-policy-wrong-action", "implicit-deny", resource=bp("*", action="s3:PutObject"))

# ---------------------------------------------------------------------------------------------
# xacct: cross-account (spec 1 step 4)
g = "xacct"
XGET = doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))
case(g, "both-allow-account", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": B}))
case(g, "both-allow-root", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": f"arn:aws:iam::{B}:root"}))
case(g, "both-allow-role", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": X_ROLE}))
case(g, "both-allow-session", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": X_SESSION}))
case(g, "both-allow-star", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp("*"))
case(g, "resource-only", "implicit-deny", principal=X_SESSION, racct=A, resource=bp({"AWS": X_SESSION}),
     desc="across accounts the caller's identity policy must allow too")
case(g, "star-resource-only", "implicit-deny", principal=X_SESSION, racct=A, resource=bp("*"))
case(g, "identity-only", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET])
case(g, "wrong-account", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": "999988887777"}))
case(g, "wrong-role", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": f"arn:aws:iam::{B}:role/Y"}))
case(g, "own-account-role-name", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": f"arn:aws:iam::{A}:role/X"}),
     desc="a same-named role in the resource account is another role")
case(g, "boundary-caps", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": B}), boundary=LIST_ONLY)
case(g, "boundary-allows", "allow", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": B}), boundary=doc(allow("s3:*")))
case(g, "session-caps", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": B}), session=LIST_ONLY)
case(g, "resource-deny", "explicit-deny", principal=X_SESSION, racct=A, identity=[XGET],
     resource=doc(st("Allow", "s3:*", "arn:aws:s3:::b/*", principal={"AWS": B}), st("Deny", "s3:GetObject", "arn:aws:s3:::b/*", principal="*")))
case(g, "identity-deny", "explicit-deny", principal=X_SESSION, racct=A, identity=[XGET, doc(deny("s3:*"))], resource=bp({"AWS": B}))
case(g, "scp-caller-side", "implicit-deny", principal=X_SESSION, racct=A, identity=[XGET], resource=bp({"AWS": B}), scp=[doc(allow("glue:*"))])
case(g, "glue-arn-account", "implicit-deny", principal=X_SESSION, identity=[doc(allow("glue:*"))], action="glue:GetTable",
     res=f"arn:aws:glue:us-east-1:{A}:table/db/t", desc="the account in the Glue ARN makes it cross-account")
case(g, "glue-catalog-policy", "allow", principal=X_SESSION, identity=[doc(allow("glue:GetTable"))], action="glue:GetTable",
     res=f"arn:aws:glue:us-east-1:{A}:table/db/t",
     resource=doc(st("Allow", "glue:GetTable", f"arn:aws:glue:us-east-1:{A}:table/db/*", principal={"AWS": X_ROLE})))
case(g, "glue-catalog-policy-other-table", "implicit-deny", principal=X_SESSION, identity=[doc(allow("glue:GetTable"))], action="glue:GetTable",
     res=f"arn:aws:glue:us-east-1:{A}:table/db2/t",
     resource=doc(st("Allow", "glue:GetTable", f"arn:aws:glue:us-east-1:{A}:table/db/*", principal={"AWS": X_ROLE})))
case(g, "same-account-explicit", "allow", racct=A, identity=[GET], desc="resourceAccount equal to the caller's: same account")
case(g, "role-arn-principal", "allow", principal=f"arn:aws:iam::{B}:role/X", racct=A, identity=[XGET], resource=bp({"AWS": X_ROLE}),
     desc="a request made as the role ARN itself")

# ---------------------------------------------------------------------------------------------
# boundary: permissions boundaries (spec 1, [S12])
g = "boundary"
case(g, "both-allow", "allow", identity=[GET], boundary=doc(allow("s3:*")))
case(g, "boundary-lacks", "implicit-deny", identity=[GET], boundary=doc(allow("glue:*")))
case(g, "boundary-never-grants", "implicit-deny", boundary=doc(allow("*")))
case(g, "boundary-deny", "explicit-deny", identity=[GET], boundary=doc(allow("*"), deny("s3:GetObject")))
case(g, "boundary-resource-scoped", "allow", identity=[doc(allow("s3:*"))], boundary=doc(allow("s3:*", "arn:aws:s3:::b/*")))
case(g, "boundary-resource-scoped-miss", "implicit-deny", identity=[doc(allow("s3:*"))], boundary=doc(allow("s3:*", "arn:aws:s3:::other/*")))
case(g, "boundary-condition", "allow", identity=[GET], boundary=doc(allow("s3:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}})),
     ctx={"aws:RequestedRegion": "us-east-1"})
case(g, "boundary-condition-miss", "implicit-deny", identity=[GET], boundary=doc(allow("s3:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}})),
     ctx={"aws:RequestedRegion": "eu-west-1"})
case(g, "boundary-notaction", "allow", identity=[GET], boundary=doc(allow(None, "*", not_action="iam:*")))
case(g, "boundary-notaction-miss", "implicit-deny", identity=[doc(allow("iam:*"))], boundary=doc(allow(None, "*", not_action="iam:*")),
     action="iam:CreateRole", res=f"arn:aws:iam::{A}:role/new")
case(g, "identity-deny-wins", "explicit-deny", identity=[GET, doc(deny("s3:*"))], boundary=doc(allow("*")))
case(g, "boundary-plus-session", "allow", identity=[GET], boundary=doc(allow("s3:*")), session=doc(allow("s3:GetObject")))
case(g, "boundary-ok-session-lacks", "implicit-deny", identity=[GET], boundary=doc(allow("s3:*")), session=doc(allow("s3:PutObject")))
case(g, "boundary-many-statements", "allow", identity=[GET], boundary=doc(allow("glue:*"), allow("kms:Decrypt"), allow("s3:Get*", "arn:aws:s3:::b/*")))
case(g, "user-boundary", "implicit-deny", principal=USER, identity=[GET], boundary=doc(allow("glue:*")))

# ---------------------------------------------------------------------------------------------
# session: session policies (spec 1, [S12])
g = "session"
case(g, "both-allow", "allow", identity=[GET], session=doc(allow("s3:GetObject")))
case(g, "session-lacks", "implicit-deny", identity=[GET], session=doc(allow("s3:PutObject")))
case(g, "session-never-grants", "implicit-deny", session=doc(allow("*")))
case(g, "session-deny", "explicit-deny", identity=[GET], session=doc(allow("*"), deny("s3:GetObject")))
case(g, "session-resource-scope", "allow", identity=[doc(allow("s3:*"))], session=doc(allow("s3:*", "arn:aws:s3:::b/k")))
case(g, "session-resource-scope-miss", "implicit-deny", identity=[doc(allow("s3:*"))], session=doc(allow("s3:*", "arn:aws:s3:::b/other")))
case(g, "two-session-policies-one-allows", "allow", identity=[GET], session=[doc(allow("glue:*")), doc(allow("s3:GetObject"))],
     tags=["uncertain"], desc="several session policies are read as one (any Allow)")
case(g, "session-condition", "allow", identity=[GET], session=doc(allow("s3:*", condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})),
     ctx={"aws:SourceIp": "10.0.0.1"})
case(g, "session-condition-miss", "implicit-deny", identity=[GET], session=doc(allow("s3:*", condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})),
     ctx={"aws:SourceIp": "8.8.8.8"})
case(g, "resource-direct-beats-session", "allow", session=doc(allow("glue:*")), resource=bp({"AWS": SESSION}))
case(g, "resource-role-capped", "implicit-deny", session=doc(allow("glue:*")), resource=bp({"AWS": ROLE}))
case(g, "resource-role-session-allows", "allow", session=doc(allow("s3:GetObject")), resource=bp({"AWS": ROLE}))
case(g, "resource-account-needs-identity", "implicit-deny", session=doc(allow("s3:*")), resource=bp({"AWS": A}))
case(g, "session-deny-vs-resource-allow", "explicit-deny", session=doc(deny("s3:*")), resource=bp({"AWS": SESSION}))

# ---------------------------------------------------------------------------------------------
# scp: service control policies (spec 1 note a)
g = "scp"
FULL = doc(allow("*"))
case(g, "full-access", "allow", identity=[GET], scp=[FULL])
case(g, "scp-never-grants", "implicit-deny", scp=[FULL])
case(g, "scp-lacks", "implicit-deny", identity=[GET], scp=[doc(allow("glue:*"))], desc="labelled implicit; AWS's message says SCP")
case(g, "scp-deny", "explicit-deny", identity=[GET], scp=[FULL, doc(deny("s3:GetObject"))])
case(g, "scp-deny-other", "allow", identity=[GET], scp=[FULL, doc(deny("s3:DeleteObject"))])
case(g, "scp-region-deny", "explicit-deny", identity=[GET],
     scp=[doc(allow("*"), deny("*", condition={"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}))], ctx={"aws:RequestedRegion": "eu-west-1"})
case(g, "scp-region-ok", "allow", identity=[GET],
     scp=[doc(allow("*"), deny("*", condition={"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}))], ctx={"aws:RequestedRegion": "us-east-1"})
case(g, "scp-lacks-resource-direct", "implicit-deny", scp=[doc(allow("glue:*"))], resource=bp({"AWS": SESSION}),
     desc="SCPs cap even a direct resource-policy grant")
case(g, "scp-allows-resource-direct", "allow", scp=[FULL], resource=bp({"AWS": SESSION}))
case(g, "scp-notaction-allow", "allow", identity=[GET], scp=[doc(allow(None, "*", not_action="iam:*"))])
case(g, "scp-allow-list", "implicit-deny", identity=[doc(allow("*"))], scp=[doc(allow(["glue:*", "s3:List*"]))])
case(g, "scp-with-boundary", "implicit-deny", identity=[GET], scp=[FULL], boundary=doc(allow("glue:*")))

# ---------------------------------------------------------------------------------------------
# trust: role trust policies, AssumeRole, chaining, source identity (spec 1, 1.1)
g = "trust"
JOB_ROLE = f"arn:aws:iam::{A}:role/data-lake-test-job-role"
GLUE_TRUST = doc(st("Allow", "sts:AssumeRole", principal={"Service": "glue.amazonaws.com"}))
ASSUME_ANY = doc(allow("sts:AssumeRole", "*"))
case(g, "glue-service", "allow", principal="glue.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE, resource=GLUE_TRUST)
case(g, "other-service", "implicit-deny", principal="lambda.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE, resource=GLUE_TRUST)
case(g, "service-case", "implicit-deny", principal="Glue.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE, resource=GLUE_TRUST,
     desc="service principals match by exact string")
case(g, "service-wrong-action", "implicit-deny", principal="glue.amazonaws.com", action="sts:TagSession", res=JOB_ROLE, resource=GLUE_TRUST)
case(g, "service-list", "allow", principal="glue.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"Service": ["ec2.amazonaws.com", "glue.amazonaws.com"]})))
case(g, "service-no-trust", "implicit-deny", principal="glue.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE)
case(g, "service-trust-deny", "explicit-deny", principal="glue.amazonaws.com", action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"Service": "glue.amazonaws.com"}), st("Deny", "sts:AssumeRole", principal="*")))
case(g, "identity-not-enough", "implicit-deny", identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE, resource=GLUE_TRUST,
     desc="an identity Allow alone never assumes a role")
case(g, "identity-no-trust", "implicit-deny", identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE)
case(g, "account-trust-with-identity", "allow", identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": f"arn:aws:iam::{A}:root"})))
case(g, "account-trust-without-identity", "implicit-deny", action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": f"arn:aws:iam::{A}:root"})))
case(g, "role-trust-direct", "allow", action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": ROLE})), desc="trust naming the caller's role: no identity permission needed in the same account")
case(g, "session-trust-direct", "allow", action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": SESSION})))
case(g, "trust-other-role", "implicit-deny", identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": f"arn:aws:iam::{A}:role/Other"})))
case(g, "cross-account-both", "allow", principal=X_SESSION, identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": B})))
case(g, "cross-account-trust-only", "implicit-deny", principal=X_SESSION, action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": X_ROLE})))
case(g, "cross-account-identity-only", "implicit-deny", principal=X_SESSION, identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": A})))
case(g, "chaining-from-role-session", "allow", principal=f"arn:aws:sts::{B}:assumed-role/Hop1/s1",
     identity=[doc(allow("sts:AssumeRole", JOB_ROLE))], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": f"arn:aws:iam::{B}:role/Hop1"})),
     desc="role chaining across accounts: the first session assumes the job role")
case(g, "chaining-wrong-hop", "implicit-deny", principal=f"arn:aws:sts::{B}:assumed-role/Hop2/s1",
     identity=[doc(allow("sts:AssumeRole", JOB_ROLE))], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": f"arn:aws:iam::{B}:role/Hop1"})))
SI_TRUST = doc(st("Allow", ["sts:AssumeRole", "sts:SetSourceIdentity"], principal={"AWS": f"arn:aws:iam::{B}:role/Hop1"},
                  condition={"StringLike": {"sts:SourceIdentity": "*"}}))
case(g, "source-identity-required", "implicit-deny", principal=f"arn:aws:sts::{B}:assumed-role/Hop1/s1",
     identity=[doc(allow(["sts:AssumeRole", "sts:SetSourceIdentity"], JOB_ROLE))], action="sts:AssumeRole", res=JOB_ROLE, resource=SI_TRUST,
     desc="StringLike * on sts:SourceIdentity requires the key")
case(g, "source-identity-given", "allow", principal=f"arn:aws:sts::{B}:assumed-role/Hop1/s1",
     identity=[doc(allow(["sts:AssumeRole", "sts:SetSourceIdentity"], JOB_ROLE))], action="sts:AssumeRole", res=JOB_ROLE, resource=SI_TRUST,
     ctx={"sts:SourceIdentity": "alice"})
case(g, "set-source-identity-needs-identity", "implicit-deny", principal=f"arn:aws:sts::{B}:assumed-role/Hop1/s1",
     identity=[doc(allow("sts:AssumeRole", JOB_ROLE))], action="sts:SetSourceIdentity", res=JOB_ROLE, resource=SI_TRUST,
     ctx={"sts:SourceIdentity": "alice"}, desc="SetSourceIdentity needs both sides")
case(g, "set-source-identity-both", "allow", principal=f"arn:aws:sts::{B}:assumed-role/Hop1/s1",
     identity=[doc(allow(["sts:AssumeRole", "sts:SetSourceIdentity"], JOB_ROLE))], action="sts:SetSourceIdentity", res=JOB_ROLE, resource=SI_TRUST,
     ctx={"sts:SourceIdentity": "alice"})
case(g, "trust-external-id", "allow", principal=X_SESSION, identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": B}, condition={"StringEquals": {"sts:ExternalId": "xyz"}})),
     ctx={"sts:ExternalId": "xyz"})
case(g, "trust-external-id-missing", "implicit-deny", principal=X_SESSION, identity=[ASSUME_ANY], action="sts:AssumeRole", res=JOB_ROLE,
     resource=doc(st("Allow", "sts:AssumeRole", principal={"AWS": B}, condition={"StringEquals": {"sts:ExternalId": "xyz"}})))
case(g, "iam-getrole-no-trust-needed", "allow", identity=[doc(allow("iam:GetRole"))], action="iam:GetRole", res=JOB_ROLE,
     desc="the trust policy governs only sts actions on the role")
case(g, "kms-key-policy-account", "allow", identity=[doc(allow("kms:Decrypt"))], action="kms:Decrypt",
     res=f"arn:aws:kms:us-east-1:{A}:key/k1", resource=doc(st("Allow", "kms:*", "*", principal={"AWS": f"arn:aws:iam::{A}:root"})))
case(g, "kms-no-key-policy-allow", "implicit-deny", identity=[doc(allow("kms:Decrypt"))], action="kms:Decrypt",
     res=f"arn:aws:kms:us-east-1:{A}:key/k1", resource=doc(st("Allow", "kms:*", "*", principal={"AWS": f"arn:aws:iam::{A}:role/KeyAdmin"})),
     desc="a key policy must allow the caller itself or its account")
case(g, "kms-key-policy-role-direct", "allow", action="kms:Decrypt",
     res=f"arn:aws:kms:us-east-1:{A}:key/k1", resource=doc(st("Allow", "kms:Decrypt", "*", principal={"AWS": ROLE})))
case(g, "kms-key-policy-account-no-identity", "implicit-deny", action="kms:Decrypt",
     res=f"arn:aws:kms:us-east-1:{A}:key/k1", resource=doc(st("Allow", "kms:*", "*", principal={"AWS": f"arn:aws:iam::{A}:root"})))

# ---------------------------------------------------------------------------------------------
# design: the sample world's policies (SampleData/iam)
g = "design"
W = "123456789012"  # the sample world's account
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE = os.path.join(ROOT, "SampleData", "iam")


def load(name):
    with open(os.path.join(SAMPLE, name)) as f:
        return json.load(f)


def managed(name):
    with open(os.path.join(ROOT, "Sources", "GlueIAM", "ManagedPolicies", name + ".json")) as f:
        return json.load(f)["PolicyDocument"]


JOB = f"arn:aws:sts::{W}:assumed-role/data-lake-test-job-role/GlueJobRunnerSession"
S3P = load("data-lake-test-job-role.s3-policy.json")
S3FIX = load("data-lake-test-job-role.s3-policy.corrected.json")
KMSP = load("data-lake-test-job-role.kms-policy.json")
TRUST = load("data-lake-test-job-role.trust-policy.json")
GSR = managed("AWSGlueServiceRole")
SRC = "arn:aws:s3:::data-lake-snapshot-rds-test-s3"
TGT = "arn:aws:s3:::data-lake-test-target-s3"
JOBPOL = [S3P, KMSP, GSR]
case(g, "job-trust-glue", "allow", principal="glue.amazonaws.com", action="sts:AssumeRole", res=f"arn:aws:iam::{W}:role/data-lake-test-job-role", resource=TRUST)
case(g, "job-read-source-object", "allow", principal=JOB, identity=JOBPOL, res=SRC + "/export-1/db/public.orders/1/part-00000.gz.parquet")
case(g, "job-list-source", "allow", principal=JOB, identity=JOBPOL, action="s3:ListBucket", res=SRC)
case(g, "job-list-source-prefix", "allow", principal=JOB, identity=JOBPOL, action="s3:ListBucket", res=SRC, ctx={"s3:prefix": "export-1/"})
case(g, "job-write-target-typo", "implicit-deny", principal=JOB, identity=[S3P, KMSP], action="s3:PutObject",
     res=TGT + "/output/part-00000.parquet", desc="the typo ARN arn:aws:s3::... matches nothing")
case(g, "job-write-target-typo-with-managed", "allow", principal=JOB, identity=JOBPOL, action="s3:PutObject",
     res="arn:aws:s3:::aws-glue-temp/output/part-00000.parquet",
     desc="AWSGlueServiceRole allows writes to aws-glue-* buckets, not to the target")
case(g, "job-write-target-typo-all", "implicit-deny", principal=JOB, identity=JOBPOL, action="s3:PutObject",
     res=TGT + "/output/part-00000.parquet")
case(g, "job-write-target-fixed", "allow", principal=JOB, identity=[S3FIX, KMSP, GSR], action="s3:PutObject",
     res=TGT + "/output/part-00000.parquet")
case(g, "job-write-source-denied", "implicit-deny", principal=JOB, identity=[S3FIX, KMSP, GSR], action="s3:PutObject",
     res=SRC + "/x")
case(g, "job-delete-target-fixed", "implicit-deny", principal=JOB, identity=[S3FIX, KMSP, GSR], action="s3:DeleteObject",
     res=TGT + "/output/part-00000.parquet")
case(g, "job-kms-decrypt", "allow", principal=JOB, identity=JOBPOL, action="kms:Decrypt",
     res=f"arn:aws:kms:us-east-1:{W}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
     resource=doc(st("Allow", "kms:*", "*", principal={"AWS": f"arn:aws:iam::{W}:root"})))
case(g, "job-kms-encrypt-not-allowed", "implicit-deny", principal=JOB, identity=JOBPOL, action="kms:Encrypt",
     res=f"arn:aws:kms:us-east-1:{W}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
     resource=doc(st("Allow", "kms:*", "*", principal={"AWS": f"arn:aws:iam::{W}:root"})))
case(g, "glue-service-role-gettable", "allow", principal=JOB, identity=[GSR], action="glue:GetTable",
     res=f"arn:aws:glue:us-east-1:{W}:table/db/t")
case(g, "glue-service-role-logs", "allow", principal=JOB, identity=[GSR], action="logs:PutLogEvents",
     res=f"arn:aws:logs:us-east-1:{W}:log-group:/aws-glue/jobs/output:log-stream:jr_1", tags=["uncertain"])
case(g, "glue-service-role-logs-other-group", "implicit-deny", principal=JOB, identity=[GSR], action="logs:PutLogEvents",
     res=f"arn:aws:logs:us-east-1:{W}:log-group:/app/x:log-stream:s")
case(g, "glue-service-role-glue-bucket", "allow", principal=JOB, identity=[GSR], action="s3:GetObject",
     res="arn:aws:s3:::aws-glue-scripts-123/job.py")
case(g, "glue-service-role-crawler-object", "allow", principal=JOB, identity=[GSR], action="s3:GetObject",
     res="arn:aws:s3:::any-bucket/tmp/aws-glue-temp/file", desc="AWSGlueServiceRole reads */*aws-glue-*/* objects")
case(g, "glue-service-role-crawler-object-miss", "implicit-deny", principal=JOB, identity=[GSR], action="s3:GetObject",
     res="arn:aws:s3:::any-bucket/data/file")
case(g, "glue-service-role-ec2-tags-none", "allow", principal=JOB, identity=[GSR], action="ec2:CreateTags",
     res=f"arn:aws:ec2:us-east-1:{W}:network-interface/eni-1", desc="ForAllValues with no aws:TagKeys is vacuously true")
case(g, "glue-service-role-ec2-tags-other", "implicit-deny", principal=JOB, identity=[GSR], action="ec2:CreateTags",
     res=f"arn:aws:ec2:us-east-1:{W}:network-interface/eni-1", ctx={"aws:TagKeys": ["aws-glue-service-resource", "x"]})
case(g, "glue-service-role-no-iam", "implicit-deny", principal=JOB, identity=[GSR], action="iam:CreateRole", res=f"arn:aws:iam::{W}:role/x")
ENG = f"arn:aws:sts::{W}:assumed-role/data-engineer/alice"
ENGP = load("data-engineer.policy.json")
case(g, "engineer-read-rawdata", "allow", principal=ENG, identity=[ENGP], res="arn:aws:s3:::sagemaker-rawdata/train/a.csv")
case(g, "engineer-list-rawdata", "allow", principal=ENG, identity=[ENGP], action="s3:ListBucket", res="arn:aws:s3:::sagemaker-rawdata")
case(g, "engineer-write-rawdata", "explicit-deny", principal=ENG, identity=[ENGP], action="s3:PutObject",
     res="arn:aws:s3:::sagemaker-rawdata/train/a.csv", desc="sagemaker-rawdata is read-only for engineers")
case(g, "engineer-delete-rawdata", "explicit-deny", principal=ENG, identity=[ENGP], action="s3:DeleteObject",
     res="arn:aws:s3:::sagemaker-rawdata/train/a.csv")
case(g, "engineer-write-result", "allow", principal=ENG, identity=[ENGP], action="s3:PutObject", res="arn:aws:s3:::sagemaker-result/model/out.json")
MFA = load("require-mfa.policy.json")
case(g, "mfa-deny-job", "explicit-deny", principal=JOB, identity=[S3FIX, MFA], action="s3:PutObject",
     res=TGT + "/output/part-00000.parquet", desc="a Glue job session never has MultiFactorAuthAge: every request is denied")
case(g, "mfa-allows-with-mfa", "allow", principal=ENG, identity=[ENGP, MFA], res="arn:aws:s3:::sagemaker-rawdata/a.csv",
     ctx={"aws:MultiFactorAuthAge": "300", "aws:MultiFactorAuthPresent": "true"})
IPP = load("source-ip.policy.json")
case(g, "source-ip-inside", "allow", principal=ENG, identity=[ENGP, IPP], res="arn:aws:s3:::sagemaker-rawdata/a.csv",
     ctx={"aws:SourceIp": "203.0.113.25"})
case(g, "source-ip-outside", "explicit-deny", principal=ENG, identity=[ENGP, IPP], res="arn:aws:s3:::sagemaker-rawdata/a.csv",
     ctx={"aws:SourceIp": "198.51.100.7"})
case(g, "source-ip-missing", "explicit-deny", principal=ENG, identity=[ENGP, IPP], res="arn:aws:s3:::sagemaker-rawdata/a.csv",
     desc="through a VPC endpoint there is no aws:SourceIp: NotIpAddress Deny fires")
XCHAIN = load("cross-account-chain.trust-policy.json")
case(g, "chain-partner-assumes", "allow", principal=f"arn:aws:sts::{B}:assumed-role/partner-etl/run-1",
     identity=[doc(allow("sts:AssumeRole", f"arn:aws:iam::{W}:role/data-lake-partner-access"))],
     action="sts:AssumeRole", res=f"arn:aws:iam::{W}:role/data-lake-partner-access", resource=XCHAIN, ctx={"sts:ExternalId": "data-lake-partner"})
case(g, "chain-partner-no-external-id", "implicit-deny", principal=f"arn:aws:sts::{B}:assumed-role/partner-etl/run-1",
     identity=[doc(allow("sts:AssumeRole", f"arn:aws:iam::{W}:role/data-lake-partner-access"))],
     action="sts:AssumeRole", res=f"arn:aws:iam::{W}:role/data-lake-partner-access", resource=XCHAIN)
case(g, "chain-partner-no-identity", "implicit-deny", principal=f"arn:aws:sts::{B}:assumed-role/partner-etl/run-1",
     action="sts:AssumeRole", res=f"arn:aws:iam::{W}:role/data-lake-partner-access", resource=XCHAIN, ctx={"sts:ExternalId": "data-lake-partner"})
case(g, "s3-read-only-managed", "allow", principal=ENG, identity=[managed("AmazonS3ReadOnlyAccess")], res="arn:aws:s3:::any/x")
case(g, "s3-read-only-managed-put", "implicit-deny", principal=ENG, identity=[managed("AmazonS3ReadOnlyAccess")], action="s3:PutObject", res="arn:aws:s3:::any/x")
case(g, "s3-full-managed-put", "allow", principal=ENG, identity=[managed("AmazonS3FullAccess")], action="s3:PutObject", res="arn:aws:s3:::any/x")
case(g, "admin-managed", "allow", principal=ENG, identity=[managed("AdministratorAccess")], action="iam:CreateRole", res=f"arn:aws:iam::{W}:role/x")
case(g, "glue-console-full-gettable", "allow", principal=ENG, identity=[managed("AWSGlueConsoleFullAccess")], action="glue:GetTable",
     res=f"arn:aws:glue:us-east-1:{W}:table/db/t")

os.makedirs(os.path.join(SAMPLE, "cases"), exist_ok=True)
total = 0
for name, cases in GROUPS.items():
    with open(os.path.join(SAMPLE, "cases", f"{name}.json"), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(c, separators=(", ", ": ")) for c in cases) + "\n]\n")
    total += len(cases)
print(f"{total} cases in {len(GROUPS)} files")
