using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Certification;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Certification;

/// <summary>
/// Form posts of the certification page (cookie sign-in, antiforgery checked). A refused form comes back through the
/// server-side flash (ADR 0023): the message beside each field and everything typed, with the hidden "form" field
/// naming which of the page's forms it was; nothing typed travels in the address.
/// </summary>
internal static class CertificationPageEndpoints
{
    public static void MapCertificationPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/certification/inputs", async (Guid orgId, HttpRequest request, SaveAuditTimeInputsHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(Page(orgId), async () =>
                {
                    var input = new AuditTimeInputsInput(
                        Whole(form, "personsInScope"), Whole(form, "identicalLowRiskPersons"), Whole(form, "sites"), FormValues.Text(form, "businessComplexity"),
                        FormValues.Text(form, "itComplexity"), Whole(form, "aiPersons"), FormValues.Text(form, "aiRole"), FormValues.Text(form, "note"));
                    await save.HandleAsync(orgId, Whole(form, "version") ?? -1, input, ct);
                    return PageForms.With(Page(orgId), "saved", "audit-time inputs saved") + "#estimate";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/certification/certificates", async (Guid orgId, HttpRequest request, SaveCertificateHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(Page(orgId), async () =>
                {
                    var certificate = await save.CreateAsync(orgId, new CertificateInput(
                        FormValues.Text(form, "frameworkId"), FormValues.Text(form, "number"), FormValues.Text(form, "body"), FormValues.Text(form, "scope"),
                        FormValues.Date(form, "issuedOn"), FormValues.Date(form, "expiresOn")), ct);
                    return PageForms.With(Page(orgId), "saved", $"certificate {certificate.Number} recorded") + "#certificates";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/certification/certificates/{certificateId:guid}/documents/save", async (Guid orgId, Guid certificateId, HttpRequest request, SaveHeldDocumentsHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var page = Links.HeldDocuments(orgId, certificateId);
                return await PageForms.Outcome(page, async () =>
                {
                    var saved = await save.HandleAsync(certificateId, HeldDocumentsForm.Read(form), ct);
                    return PageForms.With(page, "saved", $"the document list saved; {saved.Counting} of {saved.Rows.Count} requirements are provided");
                });
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/certification/certificates/{certificateId:guid}/findings", async (Guid orgId, Guid certificateId, HttpRequest request, RecordBodyFindingHandler record, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(Page(orgId), async () =>
                {
                    await record.HandleAsync(orgId, certificateId, new BodyFindingInput(
                        FormValues.Text(form, "audit"), FormValues.Text(form, "grade"), FormValues.Text(form, "text"), FormValues.Keys(FormValues.Text(form, "requirementIds")),
                        FormValues.Text(form, "bodyReference"), FormValues.Date(form, "respondBy"), FormValues.Date(form, "closeBy")), ct);
                    return PageForms.With(Page(orgId), "saved", "the body's finding recorded as a nonconformity") + "#certificates";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/certification/bodies", async (Guid orgId, HttpRequest request, SaveCandidateBodyHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(Page(orgId), async () =>
                {
                    var body = await save.CreateAsync(orgId, new CandidateBodyInput(
                        FormValues.Text(form, "name"), FormValues.Text(form, "standard"), FormValues.Text(form, "accreditationBody"), Answer(form, "iafMlaSignatory"),
                        Answer(form, "accredited"), Answer(form, "aiCompetentAuditors"), Answer(form, "integratedAuditOffered"), FormValues.Text(form, "languages"),
                        Answer(form, "coversAllSites"), Days(form, "quotedInitialDays"), Days(form, "quotedSurveillanceDays"), Days(form, "quotedRecertificationDays"),
                        Whole(form, "quotedPrice"), FormValues.Text(form, "currency"), FormValues.Text(form, "note")), ct);
                    return PageForms.With(Page(orgId), "saved", $"{body.Name} added to the candidates") + "#bodies";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();
    }

    public static string Page(Guid orgId) => Links.Certification(orgId);

    /// <summary>A yes/no/unknown select: "yes", "no", or empty for not yet known.</summary>
    private static bool? Answer(IFormCollection form, string field) => FormValues.Text(form, field) switch
    {
        "yes" => true,
        "no" => false,
        null or "" => null,
        var other => throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{other}' is not yes or no."] }),
    };

    private static int? Whole(IFormCollection form, string field) => FormValues.Text(form, field) is not { } text
        ? null
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a whole number."] });

    private static double? Days(IFormCollection form, string field) => FormValues.Text(form, field) is not { } text
        ? null
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a number of days (use a point for decimals)."] });
}
