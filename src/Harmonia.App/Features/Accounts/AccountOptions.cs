namespace Harmonia.App.Features.Accounts;

/// <summary>The "Accounts" configuration section's rules for accounts and sessions.</summary>
public sealed class AccountOptions
{
    /// <summary>How many organizations one account may belong to before it may create another (counting every role).</summary>
    public int MaxOrganizationsPerAccount { get; set; } = 10;

    /// <summary>How long after a sign-in (or a passphrase confirmation) sensitive actions are allowed without asking again; 0 asks every time.</summary>
    public int ReauthenticateAfterMinutes { get; set; } = 10;

    /// <summary>How long a passphrase reset link works.</summary>
    public int ResetLinkValidHours { get; set; } = 24;
}
