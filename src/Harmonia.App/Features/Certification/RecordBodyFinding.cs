using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Audits;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// Records a finding of the certification body as a nonconformity of the organization (numbered NC-n, then worked
/// through correction, root cause and corrective action like any other), with the body's deadlines beside it.
/// </summary>
public sealed class RecordBodyFindingHandler(HarmoniaDbContext db, LoadedContent content, ListCertificatesHandler list, TimeProvider time)
{
    public async Task<CertificateDto> HandleAsync(Guid organizationId, Guid certificateId, BodyFindingInput input, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken) ?? throw new NotFoundException("certificate");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var audit = input.Audit?.Trim();
        if (audit is null || !CertificationChoices.Audits.Contains(audit))
        {
            errors["audit"] = ["Choose the audit in which the body raised the finding: initial, surveillance-1, surveillance-2 or recertification."];
        }

        FindingGrade? grade = input.Grade?.Trim() switch
        {
            "major" => FindingGrade.MajorNonconformity,
            "minor" => FindingGrade.MinorNonconformity,
            _ => null,
        };
        if (grade is null)
        {
            errors["grade"] = ["Choose how the body graded the finding: a major or a minor nonconformity."];
        }

        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > 4000)
        {
            errors["text"] = ["The finding as the body wrote it (1 to 4000 characters) is required."];
        }

        var requirements = (input.RequirementIds ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = requirements.Where(r => content.Catalog.FindRequirement(r) is null || !r.StartsWith(certificate.FrameworkId + ":", StringComparison.Ordinal)).ToArray();
        if (requirements.Length == 0 || unknown.Length > 0)
        {
            errors["requirementIds"] = [unknown.Length > 0
                ? $"Not a requirement of {CertificationChoices.Name(certificate.FrameworkId)}: {string.Join(", ", unknown)}."
                : "Name at least one requirement the finding is against, e.g. " + certificate.FrameworkId + ":9.2.2."];
        }

        if (input.BodyReference is { Length: > 100 })
        {
            errors["bodyReference"] = ["The body's reference may have at most 100 characters."];
        }

        if (input.CloseBy is null)
        {
            errors["closeBy"] = ["The body's deadline for closing the finding (YYYY-MM-DD) is required."];
        }
        else if (input.RespondBy is { } respond && respond > input.CloseBy)
        {
            errors["respondBy"] = ["The response is due before the closing deadline, not after it."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var source = $"certification body {certificate.Body}, {audit} audit of certificate {certificate.Number}";
        var nc = new Nonconformity(string.Empty, grade!.Value, requirements, source, input.Text!.Trim(), today);
        var record = new NonconformityRecord
        {
            Key = nc.Id,
            Grade = grade.Value.ToString(),
            State = nc.State.ToString(),
            RequirementIds = string.Join(',', requirements),
            Json = NonconformityJson.Write(nc),
        };
        db.Nonconformities.Add(record);
        db.BodyFindings.Add(new BodyFindingRecord
        {
            CertificateId = certificate.Id,
            NonconformityId = record.Id,
            Audit = audit!,
            BodyReference = string.IsNullOrWhiteSpace(input.BodyReference) ? null : input.BodyReference.Trim(),
            RespondBy = input.RespondBy,
            CloseBy = input.CloseBy!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(organizationId, certificate.Id, cancellationToken);
    }
}
