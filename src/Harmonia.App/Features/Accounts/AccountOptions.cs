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

    /// <summary>Whether strangers may create accounts at /signup (off by default: an administrator or an invitation makes them).</summary>
    public bool AllowSignUp { get; set; }

    /// <summary>How many days an invitation to join an organization stays open (1 to 90).</summary>
    public int InvitationDays { get; set; } = 14;

    /// <summary>
    /// Whether an invitation lets its invitee create an account for the invited address even while sign-up is closed
    /// (<c>Accounts:AllowSignUp=false</c>). Only that address, only while the invitation is pending.
    /// </summary>
    public bool AllowInviteeSignUp { get; set; } = true;
}
