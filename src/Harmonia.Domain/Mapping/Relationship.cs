namespace Harmonia.Domain.Mapping;

/// <summary>How a source requirement relates to a target requirement (read "source is ... of target").</summary>
public enum Relationship
{
    Equal,

    /// <summary>The source asks for everything the target asks, and more.</summary>
    Superset,

    /// <summary>The source covers only part of the target.</summary>
    Subset,

    Intersect,

    /// <summary>Looks alike (same number or words) but nothing carries over.</summary>
    NotRelated,
}

public static class RelationshipExtensions
{
    public static Relationship Inverse(this Relationship relationship) => relationship switch
    {
        Relationship.Superset => Relationship.Subset,
        Relationship.Subset => Relationship.Superset,
        _ => relationship,
    };

    /// <summary>Whether a result passes through unchanged; otherwise satisfied is capped at partially satisfied.</summary>
    public static bool PassesThrough(this Relationship relationship) =>
        relationship is Relationship.Equal or Relationship.Superset;

    /// <summary>
    /// The relationship of a chain a -> b -> c from the relationships of its hops: equal is neutral, two hops in
    /// the same direction keep it, anything mixed is only known to intersect.
    /// </summary>
    public static Relationship Compose(this Relationship first, Relationship second)
    {
        if (first == Relationship.NotRelated || second == Relationship.NotRelated)
        {
            return Relationship.NotRelated;
        }

        if (first == Relationship.Equal)
        {
            return second;
        }

        if (second == Relationship.Equal || first == second)
        {
            return first;
        }

        return Relationship.Intersect;
    }

    public static string ToToken(this Relationship relationship) => relationship switch
    {
        Relationship.Equal => "equal",
        Relationship.Superset => "superset",
        Relationship.Subset => "subset",
        Relationship.Intersect => "intersect",
        _ => "not_related",
    };

    public static bool TryParse(string token, out Relationship relationship)
    {
        relationship = token switch
        {
            "equal" => Relationship.Equal,
            "superset" => Relationship.Superset,
            "subset" => Relationship.Subset,
            "intersect" => Relationship.Intersect,
            "not_related" => Relationship.NotRelated,
            _ => (Relationship)(-1),
        };
        return Enum.IsDefined(relationship);
    }
}
