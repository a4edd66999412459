using System.IO.Compression;
using System.Security.Cryptography;

namespace Harmonia.App.Features.Readiness;

/// <param name="Problems">Every file that changed, is missing or was added, and a bad signature; empty when the pack verifies.</param>
public sealed record PackVerification(bool Valid, string? Organization, string? KeyFingerprint, int Files, IReadOnlyList<string> Problems);

/// <summary>Checks an audit pack: the signature over the manifest, then every file's SHA-256 against it.</summary>
public static class VerifyAuditPack
{
    public static PackVerification Verify(Stream zip, string? expectedFingerprint = null)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new PackVerification(false, null, null, 0, ["The file is not a zip archive."]);
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
            if (!entries.TryGetValue(PackManifest.ManifestPath, out var manifestEntry) || !entries.TryGetValue(PackManifest.SignaturePath, out var signatureEntry))
            {
                return new PackVerification(false, null, null, 0, ["The pack has no manifest.json or manifest.sig."]);
            }

            var manifestBytes = Read(manifestEntry);
            PackManifest? manifest;
            try
            {
                manifest = PackManifest.Read(manifestBytes);
            }
            catch (System.Text.Json.JsonException)
            {
                manifest = null;
            }

            if (manifest is null)
            {
                return new PackVerification(false, null, null, 0, ["manifest.json cannot be read."]);
            }

            var problems = new List<string>();
            var publicKey = Convert.FromBase64String(manifest.PublicKey);
            using (var key = ECDsa.Create())
            {
                key.ImportSubjectPublicKeyInfo(publicKey, out _);
                if (!key.VerifyData(manifestBytes, Read(signatureEntry), HashAlgorithmName.SHA256))
                {
                    problems.Add("manifest.sig does not match manifest.json: the manifest was changed or signed with another key.");
                }
            }

            var fingerprint = PackManifest.Fingerprint(publicKey);
            if (fingerprint != manifest.KeyFingerprint)
            {
                problems.Add("The key fingerprint in the manifest does not match its public key.");
            }

            if (expectedFingerprint is not null && !string.Equals(expectedFingerprint, fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Signed with key {fingerprint}, not with the expected key {expectedFingerprint}.");
            }

            foreach (var file in manifest.Files)
            {
                if (!entries.TryGetValue(file.Path, out var entry))
                {
                    problems.Add($"{file.Path}: missing.");
                }
                else if (PackManifest.Sha256(Read(entry)) != file.Sha256)
                {
                    problems.Add($"{file.Path}: changed (SHA-256 differs from the manifest).");
                }
            }

            var listed = manifest.Files.Select(f => f.Path).Append(PackManifest.ManifestPath).Append(PackManifest.SignaturePath).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(entries.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal).Select(p => $"{p}: added (not in the manifest)."));
            return new PackVerification(problems.Count == 0, manifest.Organization, fingerprint, manifest.Files.Count, problems);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
