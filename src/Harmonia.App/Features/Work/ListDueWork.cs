using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;

namespace Harmonia.App.Features.Work;

/// <summary>Who is asking: their member id, and whether they may see other people's work (Owners and Managers).</summary>
public sealed record WorkViewer(Guid? UserId, bool SeesEveryone);

/// <summary>
/// Every open item of the organization, derived for today from the modules' own dates (<see cref="DueFactSources"/>),
/// owners resolved to members where unambiguous, filtered by assignee, window and module, and paged.
/// </summary>
public sealed class ListDueWorkHandler(DueFactSources sources, TenantScope tenant, TimeProvider time, HarmoniaDbContext db, OrganizationResultCache cache)
{
    /// <summary>Throws InvalidInputException for a filter value that names nothing, ForbiddenWorkException for someone else's work without the role.</summary>
    public async Task<DueWorkPage> HandleAsync(DueWorkFilter filter, WorkViewer viewer, PageRequest page, CancellationToken cancellationToken = default)
    {
        var members = await MembersAsync(cancellationToken);
        var (assignee, unassigned, due, module) = Validate(filter, viewer, members);
        var all = await DeriveAsync(members, cancellationToken);
        var names = members.ToDictionary(m => m.Id, m => string.IsNullOrWhiteSpace(m.DisplayName) ? m.Email : m.DisplayName!);
        var selected = all
            .Where(i => assignee is null || i.AssigneeId == assignee)
            .Where(i => !unassigned || i.AssigneeId is null)
            .Where(i => module is null || i.Module == module)
            .ToArray();
        var counts = new DueWorkCounts(selected.Count(i => i.Window == DueWindow.Overdue), selected.Count(i => i.Window == DueWindow.ThisWeek), selected.Count(i => i.Window == DueWindow.Later));
        var windowed = selected.Where(i => due is null || i.Window == due).ToArray();
        var organization = tenant.OrganizationId;
        return new DueWorkPage(
            windowed.Skip(page.Skip).Take(page.PageSize).Select(i => ToDto(i, names, organization)).ToArray(),
            page.PageNumber,
            page.PageSize,
            windowed.Length,
            counts,
            Today());
    }

    /// <summary>
    /// All items, unfiltered, for the feeds and the dashboard: derived from the facts read from every module (about
    /// thirty queries) and kept until the organization changes or the day turns (<see cref="OrganizationResultCache"/>).
    /// The dashboard asks on every visit, twice, and at ten times today's data deriving alone (some 5,500 items) cost
    /// more than reading the cached facts, so the items are kept, not the facts. The members are part of the variant,
    /// because acknowledgements are due per member and owners resolve to members, and an account's address, name or
    /// disabling is not written to the organization's trail.
    /// </summary>
    public Task<IReadOnlyList<DueWorkItem>> DeriveAsync(IReadOnlyList<MemberName> members, CancellationToken cancellationToken = default) =>
        DeriveAsync(members, keep: true, cancellationToken);

    /// <summary>
    /// The same items for a pass over every organization (the reminder sweep, the webhook checks): kept items are used,
    /// newly derived ones are not kept (<see cref="OrganizationResultCache.UseKeptOrComputeAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<DueWorkItem>> DeriveWithoutKeepingAsync(IReadOnlyList<MemberName> members, CancellationToken cancellationToken = default) =>
        DeriveAsync(members, keep: false, cancellationToken);

    /// <summary>The kind under which <see cref="OrganizationResultCache"/> keeps an organization's items.</summary>
    internal const string CacheKind = "due-work";

    private Task<IReadOnlyList<DueWorkItem>> DeriveAsync(IReadOnlyList<MemberName> members, bool keep, CancellationToken cancellationToken)
    {
        var today = Today();
        if (tenant.OrganizationId is not { } organizationId)
        {
            return DeriveNowAsync(members, today, cancellationToken);
        }

        // Lengths before the texts: no two member lists read alike, whatever their names contain.
        var variant = today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + string.Concat(members.OrderBy(m => m.Id).Select(m => $"|{m.Id} {m.Email.Length}:{m.Email} {m.DisplayName?.Length ?? -1}:{m.DisplayName}"));
        return keep
            ? cache.GetOrComputeAsync(db, organizationId, CacheKind, variant, () => DeriveNowAsync(members, today, cancellationToken), cancellationToken)
            : cache.UseKeptOrComputeAsync(db, organizationId, CacheKind, variant, () => DeriveNowAsync(members, today, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<DueWorkItem>> DeriveNowAsync(IReadOnlyList<MemberName> members, DateOnly today, CancellationToken cancellationToken) =>
        DueWork.Derive(await sources.AllAsync(today, members, cancellationToken), new OwnerMatcher(members), today);

    /// <summary>The organization's members, read once per handler (a request): the dashboard asks for them three times.</summary>
    public async Task<IReadOnlyList<MemberName>> MembersAsync(CancellationToken cancellationToken = default)
    {
        if (_members is { } known && known.Organization == tenant.OrganizationId)
        {
            return known.Members;
        }

        var members = await sources.Members(cancellationToken);
        _members = (tenant.OrganizationId, members);
        return members;
    }

    private (Guid? Organization, IReadOnlyList<MemberName> Members)? _members;

    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    internal static DueWorkItemDto ToDto(DueWorkItem item, IReadOnlyDictionary<Guid, string> names, Guid? organization) => new(
        item.Id,
        item.Module,
        item.What,
        item.DueOn,
        item.Window,
        item.Reason,
        item.AssigneeId is { } id ? new WorkAssigneeDto(id, names.GetValueOrDefault(id) ?? id.ToString()) : null,
        item.OwnerText,
        item.Link is null || organization is null ? null : $"/orgs/{organization}/{item.Link}");

    private static (Guid? Assignee, bool Unassigned, DueWindow? Due, WorkModule? Module) Validate(DueWorkFilter filter, WorkViewer viewer, IReadOnlyList<MemberName> members)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Guid? assignee = null;
        var unassigned = false;
        var text = filter.Assignee?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // Without the role, "everyone" means one's own work: the API never hands a Viewer the whole organization's list.
            assignee = viewer.SeesEveryone ? null : viewer.UserId ?? Guid.Empty;
        }
        else if (text.Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            assignee = viewer.UserId ?? throw new InvalidInputException(new Dictionary<string, string[]> { ["assignee"] = ["\"me\" needs a signed-in member; name a member id instead."] });
        }
        else if (text.Equals("unassigned", StringComparison.OrdinalIgnoreCase))
        {
            unassigned = true;
        }
        else if (Guid.TryParse(text, out var id) && members.Any(m => m.Id == id))
        {
            assignee = id;
        }
        else
        {
            errors["assignee"] = ["assignee is a member id of this organization, \"me\" or \"unassigned\"."];
        }

        DueWindow? due = filter.Due?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "overdue" => DueWindow.Overdue,
            "week" => DueWindow.ThisWeek,
            "later" => DueWindow.Later,
            _ => Fail(errors, "due", "due is one of: overdue, week, later."),
        };

        WorkModule? module = null;
        if (!string.IsNullOrWhiteSpace(filter.Module))
        {
            if (WorkVocabulary.Modules.TryGetValue(filter.Module.Trim(), out var m))
            {
                module = m;
            }
            else
            {
                errors["module"] = [$"module is one of: {string.Join(", ", WorkVocabulary.Modules.Keys)}."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (!viewer.SeesEveryone && (unassigned || assignee != viewer.UserId))
        {
            throw new ForbiddenWorkException();
        }

        return (assignee, unassigned, due, module);
    }

    private static DueWindow? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}

/// <summary>Someone without the Owner or Manager role asked for work that is not theirs.</summary>
public sealed class ForbiddenWorkException() : HarmoniaException("Only Owners and Managers see other people's work and the unassigned items; ask for assignee=me.");

