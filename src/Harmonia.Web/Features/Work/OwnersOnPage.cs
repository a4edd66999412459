using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;

namespace Harmonia.Web.Features.Work;

/// <summary>
/// What the owner pickers of one page read, read once: the members, and every record of a kind the first time a picker
/// of that kind asks. A register shows a picker per row; each used to open its own connection and read the members and
/// every record of its kind, so fifty rows of a large register were some hundred and fifty queries at once.
/// </summary>
public sealed class OwnersOnPage(IServiceScopeFactory scopes) : IAsyncDisposable
{
    // The pickers of a page initialise concurrently and one DbContext takes one query at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IReadOnlyDictionary<string, OwnerDto>> _kinds = new(StringComparer.Ordinal);
    private AsyncServiceScope? _scope;
    private Guid _organization;
    private IReadOnlyList<MemberName>? _members;

    /// <summary>The members in the order a picker lists them, and the record's owner (null when there is no such record).</summary>
    public async Task<(IReadOnlyList<MemberName> Members, OwnerDto? Owner)> GetAsync(Guid organization, string subject, string subjectId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_scope is null || _organization != organization)
            {
                await DropAsync();
                _scope = scopes.CreateAsyncScope();
                _scope.Value.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
                _organization = organization;
            }

            var services = _scope.Value.ServiceProvider;
            _members ??= [.. (await services.GetRequiredService<ListDueWorkHandler>().MembersAsync(cancellationToken)).OrderBy(m => m.DisplayName ?? m.Email, StringComparer.OrdinalIgnoreCase)];
            if (!_kinds.TryGetValue(subject, out var owners))
            {
                owners = await services.GetRequiredService<AssignOwnerHandler>().OfSubjectAsync(subject, _members, cancellationToken);
                _kinds[subject] = owners;
            }

            return (_members, owners.GetValueOrDefault(subjectId));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }

    private async Task DropAsync()
    {
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        _scope = null;
        _members = null;
        _kinds.Clear();
    }
}
