using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Harmonia.App.Common;

/// <summary>
/// Keeps evidence files in an S3-compatible bucket, at the same content addresses as the local folder (ab/cd/abcd…).
/// Verified on write (ADR 0024): the upload is received and hashed into a local temporary file, sent, then read back
/// from the bucket and hashed again; when the two hashes differ the object is deleted and the upload fails, so no row
/// ever names bytes the store did not keep. The client is set for servers that are not AWS: path-style addresses,
/// checksums only where the API requires them, and no chunked (streaming-signature) upload encoding, which some
/// S3-compatible servers store verbatim, chunk headers and all.
/// </summary>
public sealed class S3EvidenceStore : IEvidenceStore, IDisposable
{
    private readonly S3EvidenceSettings _s3;
    private readonly EvidenceStoreSettings _settings;
    private readonly AmazonS3Client _client;

    public S3EvidenceStore(S3EvidenceSettings s3, EvidenceStoreSettings settings)
    {
        _s3 = s3;
        _settings = settings;
        _client = CreateClient(s3);
    }

    /// <summary>Runs between the upload and its read-back; tests use it to change the object as a faulty server would.</summary>
    internal Func<string, CancellationToken, Task>? AfterUpload { get; set; }

    public static AmazonS3Client CreateClient(S3EvidenceSettings s3)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (s3.ServiceUrl is { } url)
        {
            config.ServiceURL = url.AbsoluteUri;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        }

        return s3.AccessKey is { } accessKey
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, s3.SecretKey), config)
            : new AmazonS3Client(config);
    }

    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, string? expectedSha256, CancellationToken cancellationToken = default)
    {
        var received = await EvidenceUploadReceiver.ReceiveAsync(_settings, content, fileName, expectedSha256, cancellationToken);
        try
        {
            await PutVerifiedAsync(received.TemporaryPath, received.File.Sha256, received.File.SizeBytes, received.File.ContentType, received.File.FileName, cancellationToken);
            return received.File;
        }
        finally
        {
            File.Delete(received.TemporaryPath);
        }
    }

    public Task RestoreAsync(string localCopy, string sha256, CancellationToken cancellationToken = default) =>
        PutVerifiedAsync(localCopy, sha256, new FileInfo(localCopy).Length, "application/octet-stream", sha256, cancellationToken);

    /// <summary>
    /// Sends a local file to its address and reads it back; the same bytes stored again are sent again, which also
    /// makes the object young for the orphan sweep (as the local store touches its file).
    /// </summary>
    /// <exception cref="EvidenceStoreException">The store refused the file or gave back other bytes; the object is gone.</exception>
    public async Task PutVerifiedAsync(string path, string sha256, long size, string contentType, string name, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        try
        {
            if (size > _s3.MultipartThresholdBytes)
            {
                await PutInPartsAsync(path, key, size, contentType, cancellationToken);
            }
            else
            {
                await _client.PutObjectAsync(
                    new PutObjectRequest { BucketName = _s3.Bucket, Key = key, FilePath = path, ContentType = contentType, UseChunkEncoding = false },
                    cancellationToken);
            }

            if (AfterUpload is { } afterUpload)
            {
                await afterUpload(key, cancellationToken);
            }

            var readBack = await HashOfObjectAsync(key, cancellationToken);
            if (readBack != sha256)
            {
                await _client.DeleteObjectAsync(_s3.Bucket, key, CancellationToken.None);
                throw new EvidenceStoreException(
                    $"'{name}' was not stored: the evidence store gave back different bytes (SHA-256 {readBack ?? "none"} instead of {sha256}), so the object was removed. " +
                    "Check that the S3 server is set for path-style addresses without chunked upload encoding.");
            }
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw new EvidenceStoreException($"'{name}' was not stored: the evidence store ({_s3.Describe()}) refused it ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    /// <summary>The SHA-256 of the object as the bucket returns it, or null when there is none.</summary>
    public async Task<string?> HashOfObjectAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_s3.Bucket, key, cancellationToken);
            await using var stream = response.ResponseStream;
            return await EvidenceUploadReceiver.HashAsync(stream, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return null;
        }

        try
        {
            // The response stream owns the HTTP response: disposing it (as Results.Stream does) releases the connection.
            var response = await _client.GetObjectAsync(_s3.Bucket, KeyOf(sha256.ToLowerInvariant()), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return false;
        }

        try
        {
            await _client.GetObjectMetadataAsync(_s3.Bucket, KeyOf(sha256.ToLowerInvariant()), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!EvidenceValues.IsSha256(sha256))
        {
            return false;
        }

        await _client.DeleteObjectAsync(_s3.Bucket, KeyOf(sha256.ToLowerInvariant()), cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request { BucketName = _s3.Bucket };
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                var name = item.Key[(item.Key.LastIndexOf('/') + 1)..];

                // Only objects at their own address count: anything else an operator keeps in the bucket stays.
                if (EvidenceValues.IsSha256(name) && item.Key == KeyOf(name))
                {
                    yield return new StoredObject(name, (item.LastModified ?? DateTime.UtcNow).ToUniversalTime());
                }
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task<Uri?> DownloadAddressAsync(string sha256, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        if (_s3.PresignedDownloadMinutes <= 0 || !await ExistsAsync(sha256, cancellationToken))
        {
            return null;
        }

        var disposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _s3.Bucket,
            Key = KeyOf(sha256.ToLowerInvariant()),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(_s3.PresignedDownloadMinutes),
            Protocol = _s3.ServiceUrl?.Scheme == "http" ? Protocol.HTTP : Protocol.HTTPS,
        };
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.ContentDisposition = disposition.ToString();
        return new Uri(await _client.GetPreSignedURLAsync(request));
    }

    // Uploads are received locally before they are sent, so the local incoming folder is still the one to sweep.
    // Parts of a multipart upload that never completed are aborted where they fail; a bucket lifecycle rule for
    // incomplete multipart uploads catches a process killed in between (docs/deploy.md).
    public int SweepIncoming(TimeSpan olderThan, DateTime utcNow) => EvidenceUploadReceiver.SweepIncoming(_settings, olderThan, utcNow);

    public void Dispose() => _client.Dispose();

    public static string KeyOf(string sha256) => $"{sha256[..2]}/{sha256[2..4]}/{sha256}";

    private async Task PutInPartsAsync(string path, string key, long size, string contentType, CancellationToken cancellationToken)
    {
        var started = await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _s3.Bucket, Key = key, ContentType = contentType }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            var partSize = _s3.MultipartThresholdBytes;
            long position = 0;
            for (var number = 1; position < size; number++)
            {
                var length = Math.Min(partSize, size - position);
                var part = await _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _s3.Bucket,
                        Key = key,
                        UploadId = started.UploadId,
                        PartNumber = number,
                        FilePath = path,
                        FilePosition = position,
                        PartSize = length,
                        IsLastPart = position + length >= size,
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
                position += length;
            }

            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _s3.Bucket, Key = key, UploadId = started.UploadId, PartETags = parts }, cancellationToken);
        }
        catch
        {
            // A failed part must not leave the others billed and invisible in the bucket.
            await _client.AbortMultipartUploadAsync(_s3.Bucket, key, started.UploadId, CancellationToken.None);
            throw;
        }
    }
}
