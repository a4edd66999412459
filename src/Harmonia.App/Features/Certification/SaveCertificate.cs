using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>Records a certificate, or replaces one when the caller's version still matches.</summary>
public sealed class SaveCertificateHandler(HarmoniaDbContext db, ListCertificatesHandler list)
{
    /// <summary>Certificates run three years; a validity above this is surely a typing mistake.</summary>
    private const int MaxYears = 3;

    public async Task<CertificateDto> CreateAsync(Guid organizationId, CertificateInput input, CancellationToken cancellationToken = default)
    {
        var valid = Validate(input);
        await RefuseDuplicateAsync(valid.Body, valid.Number, null, cancellationToken);
        var certificate = new CertificateRecord { FrameworkId = valid.FrameworkId, Number = valid.Number, Body = valid.Body, Scope = valid.Scope, IssuedOn = valid.IssuedOn, ExpiresOn = valid.ExpiresOn };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(organizationId, certificate.Id, cancellationToken);
    }

    /// <summary>Throws NotFoundException when the organization has no such certificate.</summary>
    public async Task<CertificateDto> UpdateAsync(Guid organizationId, Guid certificateId, int expectedVersion, CertificateInput input, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken) ?? throw new NotFoundException("certificate");
        if (certificate.Version != expectedVersion)
        {
            throw new VersionConflictException(certificate.Version, "certificate");
        }

        var valid = Validate(input);
        await RefuseDuplicateAsync(valid.Body, valid.Number, certificate.Id, cancellationToken);
        (certificate.FrameworkId, certificate.Number, certificate.Body, certificate.Scope, certificate.IssuedOn, certificate.ExpiresOn) =
            (valid.FrameworkId, valid.Number, valid.Body, valid.Scope, valid.IssuedOn, valid.ExpiresOn);
        certificate.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(organizationId, certificate.Id, cancellationToken);
    }

    private async Task RefuseDuplicateAsync(string body, string number, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.Body == body && c.Number == number && c.Id != except, cancellationToken))
        {
            throw new DuplicateException($"A certificate {number} of {body} is already recorded.", "number");
        }
    }

    private sealed record Valid(string FrameworkId, string Number, string Body, string Scope, DateOnly IssuedOn, DateOnly ExpiresOn);

    private static Valid Validate(CertificateInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var framework = input.FrameworkId?.Trim();
        if (framework is null || !CertificationChoices.Frameworks.Contains(framework))
        {
            errors["frameworkId"] = ["Choose the standard the certificate is for: ISO/IEC 27001 (iso27001-2022) or ISO/IEC 42001 (iso42001-2023)."];
        }

        if (string.IsNullOrWhiteSpace(input.Number) || input.Number.Trim().Length > 100)
        {
            errors["number"] = ["The certificate number (1 to 100 characters) is required."];
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Trim().Length > 200)
        {
            errors["body"] = ["The certification body (1 to 200 characters) is required."];
        }

        if (string.IsNullOrWhiteSpace(input.Scope) || input.Scope.Trim().Length > 4000)
        {
            errors["scope"] = ["The scope statement as printed on the certificate (1 to 4000 characters) is required."];
        }

        if (input.IssuedOn is null)
        {
            errors["issuedOn"] = ["The issue date (YYYY-MM-DD) is required."];
        }

        if (input.ExpiresOn is null)
        {
            errors["expiresOn"] = ["The expiry date (YYYY-MM-DD) is required."];
        }
        else if (input.IssuedOn is { } issued && (input.ExpiresOn <= issued || input.ExpiresOn > issued.AddYears(MaxYears).AddDays(1)))
        {
            errors["expiresOn"] = [$"The expiry date must fall after the issue date and at most {MaxYears} years later."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new(framework!, input.Number!.Trim(), input.Body!.Trim(), input.Scope!.Trim(), input.IssuedOn!.Value, input.ExpiresOn!.Value);
    }
}
