using Harmonia.Domain.Work;

namespace Harmonia.Domain.Tests.Work;

public sealed class OwnerMatcherTests
{
    private static readonly Guid Dana = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid Alex1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Alex2 = Guid.Parse("00000000-0000-0000-0000-0000000000a2");

    private static readonly OwnerMatcher Matcher = new(
    [
        new MemberName(Dana, "dana.weber@acme.example", "Dana Weber"),
        new MemberName(Alex1, "alex@acme.example", "Alex"),
        new MemberName(Alex2, "alex.two@acme.example", "Alex"),
    ]);

    [Theory]
    [InlineData("dana.weber@acme.example")]
    [InlineData("DANA.WEBER@ACME.EXAMPLE")]
    [InlineData("Dana Weber")]
    [InlineData("  dana   weber ")]
    public void An_e_mail_or_display_name_of_exactly_one_member_resolves_to_that_member(string owner) =>
        Assert.Equal(Dana, Matcher.Resolve(owner));

    [Theory]
    [InlineData("Alex")]
    [InlineData("CISO")]
    [InlineData("Dana")]
    [InlineData("Dana Weber, CISO")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Two_members_of_one_name_a_function_a_partial_name_or_nothing_stay_unresolved(string? owner) =>
        Assert.Null(Matcher.Resolve(owner));

    [Fact]
    public void The_e_mail_of_a_member_whose_name_is_shared_still_resolves() =>
        Assert.Equal(Alex2, Matcher.Resolve("alex.two@acme.example"));

    [Fact]
    public void A_member_whose_display_name_equals_their_e_mail_is_not_ambiguous_with_themselves()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, new OwnerMatcher([new MemberName(id, "kim@acme.example", "kim@acme.example")]).Resolve("Kim@acme.example"));
    }
}
