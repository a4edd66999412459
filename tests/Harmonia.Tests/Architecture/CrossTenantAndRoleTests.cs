using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Architecture;

/// <summary>
/// Enumerates EVERY registered organization-scoped endpoint and calls it as a member of another organization
/// (404 expected) and as each role of the organization (403 exactly where the role lacks the permission).
/// </summary>
public sealed class CrossTenantAndRoleTests
{
    /// <param name="StateDependent">Success also depends on the record's state (see StateDependentMetadata).</param>
    private sealed record Call(string Method, string Pattern, Permission Permission, bool StateDependent = false)
    {
        public bool IsPage => !Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>Every endpoint and page whose route carries the organization id, with the permission it declares.</summary>
    private static Call[] OrganizationEndpoints(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => string.Equals(p.Name, "orgId", StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        Assert.NotEmpty(endpoints);
        var calls = new List<Call>();
        foreach (var endpoint in endpoints)
        {
            var declared = endpoint.Metadata.GetMetadata<PermissionMetadata>()?.Permission
                ?? endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                    .Select(a => a.Policy?.Split(':') is [_, var name] && Enum.TryParse<Permission>(name, out var p) ? p : (Permission?)null)
                    .FirstOrDefault(p => p is not null);
            Assert.True(declared is not null, $"{endpoint.RoutePattern.RawText} carries the organization id but declares no permission.");
            // Razor component pages also accept POST, but only for their own forms; these pages are read-only, so GET is what they serve.
            var isComponent = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
            var methods = isComponent ? ["GET"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not "HEAD"))
            {
                calls.Add(new Call(method, endpoint.RoutePattern.RawText!, declared.Value, endpoint.Metadata.GetMetadata<StateDependentMetadata>() is not null));
            }
        }

        return calls.DistinctBy(c => (c.Method, c.Pattern)).OrderBy(c => c.Pattern, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToArray();
    }

    private static async Task<HttpRequestMessage> RequestAsync(ApiHost host, Call call, Guid organization, Guid user, HttpClient client, Guid ownOrganization)
    {
        // Records every call may touch without naming them; idempotent, so cheap after the first call.
        var documentId = await host.DocumentAsync(organization);
        await host.EnsureSoaAsync(organization, "iso27001-2022");
        await host.EnsureResultAsync(organization, "iso27001-2022:A.5.1");

        // A fresh record only for the ids the route names, so destructive calls never depend on each other and the
        // ~900 calls of the role test do not each create every kind of record.
        Guid? controlId = null;
        Guid? supplierId = null;
        async Task<Guid> ControlAsync() => controlId ??= await host.NewControlAsync(organization);

        // The external auditor may only reach the engagement it is bound to; the others get a fresh one each time, so
        // closing one never affects the next call.
        Guid? engagementId = null;
        async Task<Guid> EngagementAsync() => engagementId ??= organization == host.OrganizationA && user == host.UsersA[OrganizationRole.ExternalAuditor]
            ? host.EngagementA
            : await host.NewEngagementAsync(organization);
        var url = call.Pattern;
        foreach (var (parameter, value) in new (string, Func<Task<string>>)[]
        {
            ("orgId:guid", () => Task.FromResult(organization.ToString())),
            ("controlId:guid", async () => (await ControlAsync()).ToString()),
            ("evidenceId:guid", async () => (await host.NewEvidenceAsync(organization, await ControlAsync())).ToString()),
            ("documentId:guid", () => Task.FromResult(documentId.ToString())),
            ("proposalId:guid", async () => (await host.TailoringProposalAsync(organization, documentId)).ToString()),
            ("riskId:guid", async () => (await host.NewRiskAsync(organization)).ToString()),
            ("aiSystemId:guid", async () => (await host.NewAiSystemAsync(organization)).ToString()),
            ("suggestionId:guid", async () => (await host.RiskSuggestionAsync(organization)).ToString()),
            ("decision:regex(^(accept|dismiss)$)", () => Task.FromResult("dismiss")),
            ("framework:regex(^(iso27001-2022|iso42001-2023)$)", () => Task.FromResult("iso27001-2022")),
            ("other:int", () => Task.FromResult("1")),
            ("auditId:guid", async () => (await host.NewAuditAsync(organization)).ToString()),
            ("nonconformityId:guid", async () => (await host.NewNonconformityAsync(organization, await host.NewAuditAsync(organization))).ToString()),
            ("reviewId:guid", async () => (await host.NewReviewAsync(organization)).ToString()),
            ("concernId:guid", async () => (await host.NewConcernAsync(organization)).ToString()),
            // A register's view exports only as a spreadsheet; documents as PDF.
            ("format", () => Task.FromResult(call.Pattern.EndsWith("ai-systems/export/{format}", StringComparison.Ordinal) || call.Pattern.EndsWith("nonconformities/export/{format}", StringComparison.Ordinal) || call.Pattern.EndsWith("evidence/export/{format}", StringComparison.Ordinal) ? "csv" : "pdf")),
            ("jobId:guid", async () => (await host.NewJobAsync(organization)).ToString()),
            ("number:int", () => Task.FromResult("1")),
            ("tokenId:guid", async () => (await host.NewTokenAsync(organization, user)).ToString()),
            ("userId:guid", async () => (await host.NewMemberAsync(organization)).ToString()),
            ("invitationId:guid", async () => (await host.NewInvitationAsync(organization, user)).ToString()),
            ("requirementId", () => Task.FromResult("iso27001-2022:A.5.1")),
            ("target", () => Task.FromResult("iso42001-2023")),
            ("objectiveId:guid", async () => (await host.NewObjectiveAsync(organization)).ToString()),
            ("roleId:guid", async () => (await host.NewCompetenceRoleAsync(organization)).ToString()),
            ("personId:guid", async () => (await host.NewPersonAsync(organization)).ToString()),
            ("topManagementId:guid", async () => (await host.NewTopManagementMemberAsync(organization)).ToString()),
            ("supplierId:guid", async () => (supplierId ??= await host.NewSupplierAsync(organization)).ToString()),
            ("questionnaireId:guid", async () => (await host.NewQuestionnaireAsync(organization, supplierId ??= await host.NewSupplierAsync(organization))).ToString()),
            ("certificateId:guid", async () => (await host.NewCertificateAsync(organization)).ToString()),
            ("bodyId:guid", async () => (await host.NewCandidateBodyAsync(organization)).ToString()),
            ("model", () => Task.FromResult("poam")),
            ("feedId:guid", async () => (await host.NewCalendarFeedAsync(organization, user)).ToString()),
            ("engagementId:guid", async () => (await EngagementAsync()).ToString()),
            ("requestId:guid", async () => (await host.NewEvidenceRequestAsync(organization, await EngagementAsync())).ToString()),
            ("activityId:guid", async () => (await host.NewRecurringActivityAsync(organization)).ToString()),
            ("on", () => Task.FromResult("2026-01-05")),
            ("register", () => Task.FromResult("suppliers")),
            ("importId:guid", async () => (await host.NewPendingImportAsync(organization, user)).ToString()),
            ("notificationId:guid", async () => (await host.NewNotificationAsync(organization, user)).ToString()),
            ("commentId:guid", async () => (await host.NewCommentAsync(organization, user, await ControlAsync())).ToString()),
            ("subject", () => Task.FromResult(OwnedSubjects.Control)),
            ("subjectId", async () => (await ControlAsync()).ToString()),
            ("frameworkId", () => host.NewOwnFrameworkAsync(organization)),
            ("webhookId:guid", async () => (await host.NewWebhookAsync(organization)).ToString()),
            ("deliveryId:guid", async () => (await host.NewWebhookDeliveryAsync(organization)).ToString()),
        })
        {
            if (url.Contains("{" + parameter + "}", StringComparison.OrdinalIgnoreCase))
            {
                url = url.Replace("{" + parameter + "}", await value(), StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.DoesNotContain("{", url, StringComparison.Ordinal);

        // A search without words is refused as bad input, so the walk searches for a word.
        if (url.EndsWith("/search", StringComparison.Ordinal))
        {
            url += "?q=control";
        }

        var request = new HttpRequestMessage(new HttpMethod(call.Method), url);
        if (call.Method is not "GET")
        {
            // Version 1 of the fresh control; a GET must not carry it (a file's ETag is its SHA-256).
            request.Headers.IfMatch.ParseAdd("\"1\"");
        }
        if (call.IsPage && call.Method == "POST")
        {
            // A page form post carries the caller's own antiforgery token, taken from a page the caller may open.
            // The external auditor opens no page but its workspace.
            var formPage = user == host.UsersA[OrganizationRole.ExternalAuditor] ? $"/orgs/{host.OrganizationA}/engagements/{host.EngagementA}/workspace" : $"/orgs/{ownOrganization}/import";
            var hidden = ApiHost.HiddenFields(await client.GetStringAsync(new Uri(formPage, UriKind.Relative)));
            var form = new MultipartFormDataContent
            {
                { new StringContent(hidden["__RequestVerificationToken"]), "__RequestVerificationToken" },
                {
                    new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, call.Pattern.EndsWith("questionnaire/import", StringComparison.Ordinal) ? "acme-answers.yaml" : "greenfield-startup.yaml"))),
                    "file",
                    "upload.yaml"
                },

                // What the other page forms need; each endpoint reads only its own fields.
                { new StringContent("yes"), "confirm" },
                { new StringContent("Evidence from the role test"), "title" },
                { new StringContent("satisfied"), "result" },
                { new StringContent("Checked in the 2026 internal audit."), "reason" },
                { new StringContent("iso27001-2022:A.5.1"), "requirementIds" },
            };
            if (call.Pattern.EndsWith("/settings/members", StringComparison.Ordinal))
            {
                form.Add(new StringContent("viewer@a.example"), "email");
                form.Add(new StringContent("Viewer"), "role");
            }
            else if (call.Pattern.EndsWith("/settings/top-management", StringComparison.Ordinal))
            {
                form.Add(new StringContent($"Director {Guid.NewGuid():N}"), "name");
                form.Add(new StringContent("Managing Director"), "position");
            }
            else if (call.Pattern.Contains("/webhooks/", StringComparison.Ordinal) && (call.Pattern.EndsWith("/add", StringComparison.Ordinal) || call.Pattern.EndsWith("/save", StringComparison.Ordinal)))
            {
                form.Add(new StringContent($"https://hooks.example.com/{Guid.NewGuid():N}"), "url");
                form.Add(new StringContent("risk.created"), "events");
            }
            else if (call.Pattern.EndsWith("/settings/tokens", StringComparison.Ordinal))
            {
                form.Add(new StringContent("Role test token"), "name");
            }
            else if (call.Pattern.EndsWith("/certification/certificates", StringComparison.Ordinal))
            {
                foreach (var (field, value) in new[] { ("frameworkId", "iso27001-2022"), ("number", $"RT-{Guid.NewGuid():N}"), ("body", "Role Test Cert"), ("scope", "The ISMS"), ("issuedOn", "2026-03-01"), ("expiresOn", "2029-02-28") })
                {
                    form.Add(new StringContent(value), field);
                }
            }
            else if (call.Pattern.EndsWith("/findings", StringComparison.Ordinal))
            {
                foreach (var (field, value) in new[] { ("audit", "surveillance-1"), ("grade", "minor"), ("text", "Access review late."), ("closeBy", "2027-06-01") })
                {
                    form.Add(new StringContent(value), field);
                }
            }
            else if (call.Pattern.EndsWith("/questionnaires", StringComparison.Ordinal))
            {
                form.Add(new StringContent("security-baseline"), "template");
                form.Add(new StringContent("security@supplier.example"), "sendTo");
            }
            else if (call.Pattern.EndsWith("/certification/bodies", StringComparison.Ordinal))
            {
                form.Add(new StringContent($"Body {Guid.NewGuid():N}"), "name");
                form.Add(new StringContent("integrated"), "standard");
            }

            request.Content = form;
            return request;
        }

        if (!call.IsPage && call.Method == "POST" && call.Pattern.TrimEnd('/').EndsWith("/comments", StringComparison.Ordinal))
        {
            request.Content = Json($$"""{"recordType":"control","recordId":"{{await ControlAsync()}}","body":"Role test comment"}""");
            return request;
        }

        if (call.Pattern.EndsWith("/risks/{riskId:guid}/reviews", StringComparison.Ordinal))
        {
            request.Content = Json($$"""{"heldOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","nextReviewOn":"{{DateTime.UtcNow.AddYears(1):yyyy-MM-dd}}"}""");
            return request;
        }

        if (call.Pattern.EndsWith("/ai-evidence/import", StringComparison.Ordinal))
        {
            request.Content = new StringContent("aiSystem,kind,metric,subject,value,threshold,comparison,measuredOn\nAI-01,data-quality,Completeness,income,0.99,0.95,min,2026-05-01\n", Encoding.UTF8, "text/csv");
            return request;
        }

        if (call.Pattern.EndsWith("/competence/people/{personId:guid}/evidence", StringComparison.Ordinal))
        {
            request.Content = Json("""{"kind":"training","competence":"machine-learning","title":"ML course","obtainedOn":"2026-01-10"}""");
            return request;
        }

        request.Content = (call.Method, call.Pattern.TrimEnd('/').Split('/').Last()) switch
        {
            ("POST", "objectives") or ("PUT", "{objectiveId:guid}") => Json("""{"title":"Model cards","system":"ai","measure":"Share of models with a model card","unit":"%","target":90,"direction":"at-least","owner":"AI Lead","frequency":"quarterly"}"""),
            ("POST", "webhooks") or ("PUT", "{webhookId:guid}") => Json($$"""{"url":"https://hooks.example.com/{{Guid.NewGuid():N}}","eventTypes":["risk.created","work.overdue"]}"""),
            ("POST", "suppliers") or ("PUT", "{supplierId:guid}") => Json($$"""{"name":"Supplier {{Guid.NewGuid():N}}","kind":"cloud","tier":"critical","status":"active","contracts":[{"title":"MSA","clauses":["security"]}]}"""),
            ("POST", "questionnaires") => Json("""{"template":"ai-supplier","sendTo":"models@supplier.example"}"""),
            ("POST", "review") => Json("""{"action":"mark","comment":"role test"}"""),
            ("POST", "supplier-questionnaire-templates") => new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "content", "supplier-questionnaires", "ai-supplier.yaml")).Replace("key: ai-supplier", "key: own-ai-supplier", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"),
            ("POST", "reviews") => Json("""{"on":"2026-01-15","reviewer":"ISMS Manager","outcome":"satisfactory"}"""),
            ("POST", "recurring-activities") or ("PUT", "{activityId:guid}") => Json("""{"title":"Quarterly access review","kind":"review","rule":"FREQ=MONTHLY;INTERVAL=3","startsOn":"2026-01-05"}"""),
            ("PUT", "supplier-tiers") => Json("""[{"key":"critical","name":"Critical","criteria":"Customer data","reviewMonths":12},{"key":"important","name":"Important","reviewMonths":24}]"""),
            ("PUT", "inputs") => Json("""{"sites":2}"""),
            ("PUT", "{commentId:guid}") => Json("""{"body":"Role test comment, changed"}"""),
            ("PUT", "{subjectId}") => Json("""{"userId":null}"""),
            ("PUT", "reminder-preferences") => Json("""{"assigned":true,"dueSoon":true,"dueSoonDays":7,"overdue":true,"weeklyDigest":true}"""),
            ("POST", "certificates") or ("PUT", "{certificateId:guid}") => Json($$"""{"frameworkId":"iso42001-2023","number":"RT-{{Guid.NewGuid():N}}","body":"Role Test Cert","scope":"The AIMS","issuedOn":"2026-03-01","expiresOn":"2029-02-28"}"""),
            ("PUT", "held-documents") => Json($$"""[{"requirementId":"iso27001-2022:5.2","title":"Information security policy","reference":"ISP v4","datedOn":"{{DateTime.UtcNow.AddDays(-20):yyyy-MM-dd}}","location":"Intranet"}]"""),
            ("POST", "engagements") => Json($$"""{"title":"Stage 1","auditorEmail":"auditor-{{Guid.NewGuid():N}}@body.example","standards":["iso27001-2022"],"periodFrom":"2026-01-01","periodTo":"2026-06-30","startsOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","endsOn":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}","passphrase":"a long enough passphrase"}"""),
            ("POST", "requests") => Json($$"""{"text":"The access review minutes","dueOn":"{{DateTime.UtcNow.AddDays(7):yyyy-MM-dd}}","assigneeEmail":"contributor@a.example"}"""),
            ("POST", "samples") => Json("""{"population":"risks","size":2,"seed":7}"""),
            ("POST", "judgement") => Json("""{"decision":"accept"}"""),
            ("POST", "answer") => Json("{}"),
            ("POST", "findings") => Json("""{"audit":"surveillance-1","grade":"minor","text":"Access review late.","requirementIds":["iso27001-2022:A.5.18"],"closeBy":"2027-06-01"}"""),
            ("POST", "certification-bodies") or ("PUT", "{bodyId:guid}") => Json($$"""{"name":"Body {{Guid.NewGuid():N}}","standard":"iso42001-2023","accredited":true,"quotedInitialDays":12}"""),
            ("POST", "measurements") => Json("""{"measuredOn":"2026-05-01","value":92.5,"note":"role test"}"""),
            ("POST", "roles") or ("PUT", "{roleId:guid}") => Json($$"""{"name":"Role {{Guid.NewGuid():N}}","requiredCompetences":["ai-ethics"]}"""),
            ("POST", "top-management") or ("PUT", "{topManagementId:guid}") => Json($$"""{"name":"Chief {{Guid.NewGuid():N}}","position":"Chief Executive Officer"}"""),
            ("POST", "people") or ("PUT", "{personId:guid}") => Json("""{"name":"Pat Example","email":"pat@a.example","roles":[]}"""),
            ("POST", "competences") => Json($$"""{"key":"own-{{Guid.NewGuid():N}}","name":"Own competence","area":"ai"}"""),
            ("POST" or "PUT", "ai-systems" or "{aiSystemId:guid}") => Json($$"""{"key":"AI-{{Guid.NewGuid():N}}","name":"Ticket triage","role":"deployer","lifecycleStage":"operation"}"""),
            ("PUT", "{number:int}") => Json("""{"entries":[{"dimension":"societal","description":"Slower answers for rare languages","affectedGroup":"customers","severity":2,"likelihood":2,"controls":[],"risks":[],"residualSeverity":1,"residualLikelihood":2}],"decision":"proceed","nextReviewOn":"2027-06-01"}"""),
            ("POST", "audits") => Json($$"""{"key":"IA-{{Guid.NewGuid():N}}","title":"AI audit","frameworks":["iso42001-2023"],"plannedStart":"2026-06-01","plannedEnd":"2026-06-03","auditors":["Internal auditor"]}"""),
            ("POST", "results") => Json("""{"itemKey":"iso27001-2022:5.2","grade":"Conforming"}"""),
            ("POST", "management-reviews") => Json($$"""{"heldOn":"{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}","attendees":["CEO","ISMS Manager"],"decisions":"Keep both systems; fund the AI impact assessments.","actions":[]}"""),
            ("POST", "ai-concerns") => Json("""{"kind":"incident","aiSystem":"AI-01","severity":"high","description":"A customer was refused without review.","reportedBy":"Complaints desk"}"""),
            ("POST", "close") => Json("""{"resolution":"Reviewed by a person and reversed."}"""),
            ("POST", "done") => Json("""{"note":"Signed."}"""),
            ("POST", "steps") => Json("""{"step":"correction","text":"Policy approved by the board."}"""),
            ("POST", "ai-evidence") => Json("""[{"aiSystem":"AI-01","kind":"validation","metric":"Accuracy","value":0.93,"threshold":0.9,"comparison":"min","measuredOn":"2026-05-01"}]"""),
            ("POST", "{decision:regex(^(accept|dismiss)$)}") => Json("{}"),
            ("POST", "{framework:regex(^(iso27001-2022|iso42001-2023)$)}") => Json("""{"decisions":[],"note":"role test"}"""),
            ("POST", "import") => new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "greenfield-startup.yaml")), Encoding.UTF8, "application/yaml"),
            ("POST" or "PUT", "controls" or "{controlId:guid}") => Json($$"""{"key":"N-{{Guid.NewGuid():N}}","name":"New control","status":"implemented","requirements":["iso27001-2022:A.5.1"]}"""),
            ("PUT", "{requirementId}") => Json("""{"result":"satisfied","reason":"Checked in the 2026 internal audit."}"""),
            ("PUT", "members") => Json("""{"email":"viewer@a.example","role":"Viewer","passphrase":"a long enough passphrase"}"""),
            ("POST", "evidence") => Json("""{"title":"Policy on the intranet","url":"https://intranet.example/policy","effectiveOn":"2026-01-01","expiresOn":"2027-01-01"}"""),
            ("POST", "versions") => Json("""{"note":"Re-read in 2026."}"""),
            ("PUT", "answers") => Json("""{"answers":{"org.short_name":"Acme","review.access_months":3}}"""),
            ("POST", "generate") => Json("""{"templateIds":["ai-policy"]}"""),
            ("POST", "submit") => Json("""{"change":"minor"}"""),
            ("POST", "tailor") => Json("{}"),
            ("PUT", "document-approvals") => Json("""{"count":1}"""),
            ("POST", "risks") or ("PUT", "{riskId:guid}") => Json($$"""{"key":"R-{{Guid.NewGuid():N}}","title":"Model drift unnoticed","categories":["robustness"],"inherentLikelihood":3,"inherentImpact":4,"treatment":"accept","residualLikelihood":3,"residualImpact":4}"""),
            ("POST", "accept") => Json($$"""{"expiresOn":"{{DateTime.UtcNow.AddYears(1):yyyy-MM-dd}}"}"""),
            ("PUT", "risk-methodology") => Json(System.Text.Json.JsonSerializer.Serialize(Harmonia.Domain.Risks.RiskMethodology.Default, WebJson)),
            ("POST", "registered-documents") => new MultipartFormDataContent
            {
                { new StringContent("Legacy access policy"), "title" },
                { new StringContent("iso27001-2022:A.5.15"), "requirementIds" },
                { new ByteArrayContent("Access is granted by role.\n"u8.ToArray()), "file", "access.txt" },
            },
            ("POST", "mappings") => Json("""{"sourceId":"iso27001-2022:A.5.1","targetId":"iso42001-2023:A.2.2","relationship":"equal","strength":5}"""),
            ("POST", "frameworks") => new MultipartFormDataContent
            {
                { new StringContent($"id: own-{Guid.NewGuid():N}"[..24] + "\nname: Own\ngroups:\n  - id: g\n    title: G\n    kind: theme\nrequirements:\n  - ref: r1\n    title: R1\n    group: g\n    kind: control\n    summary: S\n    evidence: E\n"), "file", "own.yaml" },
            },
            ("POST", "upload") => new MultipartFormDataContent
            {
                { new StringContent("Role test upload"), "title" },
                { new ByteArrayContent("minutes of the access review\n"u8.ToArray()), "file", "minutes.txt" },
            },
            _ => null,
        };
        return request;
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_organization_endpoint_answers_404_to_a_member_of_another_organization(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var outsiderApi = host.Client(host.TokenB);
        using var outsiderBrowser = await host.SignedInAsync("owner@b.example");
        var calls = OrganizationEndpoints(host.Services);

        foreach (var call in calls)
        {
            var outsider = call.IsPage ? outsiderBrowser : outsiderApi;
            using var request = await RequestAsync(host, call, host.OrganizationA, host.UsersA[OrganizationRole.Owner], outsider, host.OrganizationB);
            using var response = await outsider.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{call.Method} {call.Pattern} as another tenant answered {(int)response.StatusCode}");
            if (!call.IsPage)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.True(calls.Length >= 24, $"only {calls.Length} endpoints found");
        Assert.Contains(calls, c => c.IsPage);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_for_one_organization_does_not_open_another_even_for_a_member_of_both(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        await host.WithScopeAsync(s => s.GetRequiredService<Harmonia.App.Features.Accounts.AddMemberHandler>()
            .HandleAsync(new(host.OrganizationB, "owner@a.example", OrganizationRole.Owner)));
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);

        using var response = await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/controls", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_organization_endpoint_checks_the_role_server_side(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var calls = OrganizationEndpoints(host.Services);

        foreach (var role in Enum.GetValues<OrganizationRole>())
        {
            using var api = host.Client(host.TokensA[role]);
            using var browser = await host.SignedInAsync($"{role.ToString().ToLowerInvariant()}@a.example");
            foreach (var call in calls)
            {
                var client = call.IsPage ? browser : api;
                using var request = await RequestAsync(host, call, host.OrganizationA, host.UsersA[role], client, host.OrganizationA);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;

                // Pages answer a refusal by sending the browser to /forbidden; the API answers 403, and so does a page
                // route that answers JSON to the page's script (ASP.NET Core 10 treats it as an API endpoint).
                var forbidden = call.IsPage ? status == 403 || (status == 302 && location.Contains("/forbidden", StringComparison.Ordinal)) : status == 403;
                if (role.Allows(call.Permission) && call.StateDependent)
                {
                    // Past authorization, the record's state may still refuse (a draft cannot be published): a readable
                    // refusal is fine, a 403, a 404 or a trip to /forbidden is not.
                    Assert.True(!forbidden && status is not (401 or 403 or 404 or 500), $"{role}: {call.Method} {call.Pattern} answered {status} {location}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (role.Allows(call.Permission))
                {
                    Assert.True(!forbidden && status is >= 200 and < 400 && !location.Contains("outcome=refused", StringComparison.Ordinal), $"{role}: {call.Method} {call.Pattern} answered {status} {location}: {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    Assert.True(forbidden, $"{role}: {call.Method} {call.Pattern} should be forbidden but answered {status} {location}");
                }
            }
        }
    }

    [Fact]
    public async Task Endpoints_outside_an_organization_require_a_token()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.Client(null);
        using var bogus = host.Client("hm_not-a-real-token");

        foreach (var url in new[] { "/api/orgs", "/api/catalog/frameworks", $"/api/orgs/{host.OrganizationA}/controls" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
    }
}
