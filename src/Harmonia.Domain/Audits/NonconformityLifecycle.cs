using System.Globalization;

namespace Harmonia.Domain.Audits;

/// <summary>A step someone takes on a nonconformity; <see cref="NonconformityLifecycle.Apply"/> decides whether it is allowed.</summary>
public abstract record NonconformityStep(DateOnly On);

public sealed record RecordCorrection(string Description, DateOnly On) : NonconformityStep(On);

public sealed record AnalyseRootCause(IReadOnlyList<string> Whys, DateOnly On) : NonconformityStep(On);

public sealed record PlanActions(IReadOnlyList<CorrectiveAction> Actions, DateOnly On) : NonconformityStep(On);

public sealed record CompleteAction(string ActionId, DateOnly On) : NonconformityStep(On);

public sealed record VerifyEffectiveness(bool Effective, string Note, string VerifiedBy, DateOnly On) : NonconformityStep(On);

public sealed record CloseNonconformity(DateOnly On) : NonconformityStep(On);

public sealed record ReopenNonconformity(string Reason, DateOnly On) : NonconformityStep(On);

/// <summary>The nonconformity after a step, or why the step was refused (then nothing changed).</summary>
public sealed record NonconformityTransition(Nonconformity? Nonconformity, string? Error)
{
    public bool Succeeded => Error is null;

    public static NonconformityTransition To(Nonconformity nonconformity) => new(nonconformity, null);

    public static NonconformityTransition Refused(string error) => new(null, error);
}

/// <summary>
/// The corrective-action process as a pure state machine:
/// Open → (CorrectionDone) → RootCauseAnalysed → ActionsPlanned → ActionsDone → EffectivenessVerified → Closed,
/// and Closed → ActionsPlanned when a closed nonconformity turns out not to be fixed. An ineffective verification
/// also goes back to ActionsPlanned: the cause is still there and needs further actions.
/// </summary>
public static class NonconformityLifecycle
{
    public static NonconformityTransition Apply(Nonconformity nc, NonconformityStep step)
    {
        if (step.On < nc.RaisedOn)
        {
            return NonconformityTransition.Refused($"{nc.Id} was raised on {Format(nc.RaisedOn)}; nothing can be done on it before that ({Format(step.On)}).");
        }

        return step switch
        {
            RecordCorrection correction => Correct(nc, correction),
            AnalyseRootCause analysis => Analyse(nc, analysis),
            PlanActions plan => Plan(nc, plan),
            CompleteAction complete => Complete(nc, complete),
            VerifyEffectiveness verify => Verify(nc, verify),
            CloseNonconformity close => Close(nc, close),
            ReopenNonconformity reopen => Reopen(nc, reopen),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown nonconformity step."),
        };
    }

    private static NonconformityTransition Correct(Nonconformity nc, RecordCorrection step)
    {
        if (nc.State != NonconformityState.Open)
        {
            return NotIn(nc, "record a correction", "open");
        }

        return string.IsNullOrWhiteSpace(step.Description)
            ? NonconformityTransition.Refused("Describe the correction that was made.")
            : NonconformityTransition.To(nc with { State = NonconformityState.CorrectionDone, Correction = step.Description.Trim() });
    }

    private static NonconformityTransition Analyse(Nonconformity nc, AnalyseRootCause step)
    {
        // The analysis may be refined until actions are planned on it.
        if (nc.State is not (NonconformityState.Open or NonconformityState.CorrectionDone or NonconformityState.RootCauseAnalysed))
        {
            return NotIn(nc, "analyse the root cause", "open, corrected or already analysed");
        }

        var whys = step.Whys.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToArray();
        if (whys.Length == 0)
        {
            return NonconformityTransition.Refused("A root cause analysis needs at least one answer to 'why?'; the last answer is the root cause.");
        }

        if (whys.Length > RootCauseAnalysis.MaximumWhys)
        {
            return NonconformityTransition.Refused($"A 5-whys analysis holds at most {RootCauseAnalysis.MaximumWhys} answers; {whys.Length} were given.");
        }

        return NonconformityTransition.To(nc with { State = NonconformityState.RootCauseAnalysed, RootCause = new RootCauseAnalysis(whys, step.On) });
    }

    private static NonconformityTransition Plan(Nonconformity nc, PlanActions step)
    {
        if (nc.State is not (NonconformityState.RootCauseAnalysed or NonconformityState.ActionsPlanned))
        {
            return NotIn(nc, "plan corrective actions", "root-cause analysed or already planned");
        }

        if (step.Actions.Count == 0)
        {
            return NonconformityTransition.Refused("Plan at least one corrective action.");
        }

        var ids = new HashSet<string>(nc.Actions.Select(a => a.Id), StringComparer.Ordinal);
        foreach (var action in step.Actions)
        {
            if (string.IsNullOrWhiteSpace(action.Description) || string.IsNullOrWhiteSpace(action.Owner))
            {
                return NonconformityTransition.Refused($"Corrective action {action.Id} needs a description and an owner.");
            }

            if (action.Due < step.On)
            {
                return NonconformityTransition.Refused($"Corrective action {action.Id} is due on {Format(action.Due)}, before it is planned ({Format(step.On)}).");
            }

            if (action.Done)
            {
                return NonconformityTransition.Refused($"Corrective action {action.Id} is planned, not done: record its completion separately.");
            }

            if (!ids.Add(action.Id))
            {
                return NonconformityTransition.Refused($"Corrective action {action.Id} already exists.");
            }
        }

        return NonconformityTransition.To(nc with { State = NonconformityState.ActionsPlanned, Actions = [.. nc.Actions, .. step.Actions] });
    }

    private static NonconformityTransition Complete(Nonconformity nc, CompleteAction step)
    {
        if (nc.State != NonconformityState.ActionsPlanned)
        {
            return NotIn(nc, "complete a corrective action", "with actions planned");
        }

        var action = nc.Actions.FirstOrDefault(a => a.Id == step.ActionId);
        if (action is null)
        {
            return NonconformityTransition.Refused($"{nc.Id} has no corrective action {step.ActionId}.");
        }

        if (action.Done)
        {
            return NonconformityTransition.Refused($"Corrective action {action.Id} was already done on {Format(action.DoneOn!.Value)}.");
        }

        var actions = nc.Actions.Select(a => a.Id == action.Id ? a with { DoneOn = step.On } : a).ToArray();
        var state = actions.All(a => a.Done) ? NonconformityState.ActionsDone : NonconformityState.ActionsPlanned;
        return NonconformityTransition.To(nc with { State = state, Actions = actions });
    }

    private static NonconformityTransition Verify(Nonconformity nc, VerifyEffectiveness step)
    {
        if (nc.State != NonconformityState.ActionsDone)
        {
            var pending = nc.Actions.Where(a => !a.Done).Select(a => a.Id).ToArray();
            return pending.Length > 0
                ? NonconformityTransition.Refused($"Effectiveness can only be verified once every corrective action is done; still open: {string.Join(", ", pending)}.")
                : NotIn(nc, "verify effectiveness", "with all actions done");
        }

        if (string.IsNullOrWhiteSpace(step.Note) || string.IsNullOrWhiteSpace(step.VerifiedBy))
        {
            return NonconformityTransition.Refused("Say how effectiveness was checked and who checked it.");
        }

        var check = new EffectivenessCheck(step.Effective, step.Note.Trim(), step.VerifiedBy.Trim(), step.On);
        return NonconformityTransition.To(nc with
        {
            State = step.Effective ? NonconformityState.EffectivenessVerified : NonconformityState.ActionsPlanned,
            Effectiveness = check,
        });
    }

    private static NonconformityTransition Close(Nonconformity nc, CloseNonconformity step)
    {
        if (nc.State != NonconformityState.EffectivenessVerified || nc.Effectiveness is not { Effective: true })
        {
            return NonconformityTransition.Refused(
                $"{nc.Id} cannot be closed before a check has shown its corrective actions effective (it is {Label(nc.State)}).");
        }

        return NonconformityTransition.To(nc with { State = NonconformityState.Closed, ClosedOn = step.On });
    }

    private static NonconformityTransition Reopen(Nonconformity nc, ReopenNonconformity step)
    {
        if (nc.State != NonconformityState.Closed)
        {
            return NotIn(nc, "reopen", "closed");
        }

        if (string.IsNullOrWhiteSpace(step.Reason))
        {
            return NonconformityTransition.Refused("Say why the nonconformity is reopened.");
        }

        // The analysis and the finished actions stay as history; the reason is kept on the failed check so the
        // next verification can be compared with it.
        return NonconformityTransition.To(nc with
        {
            State = NonconformityState.ActionsPlanned,
            ClosedOn = null,
            Effectiveness = new EffectivenessCheck(false, "Reopened: " + step.Reason.Trim(), string.Empty, step.On),
            Reopened = nc.Reopened + 1,
        });
    }

    private static NonconformityTransition NotIn(Nonconformity nc, string what, string expected) =>
        NonconformityTransition.Refused($"{nc.Id}: cannot {what} unless it is {expected}; it is {Label(nc.State)}.");

    public static string Label(NonconformityState state) => state switch
    {
        NonconformityState.Open => "open",
        NonconformityState.CorrectionDone => "corrected",
        NonconformityState.RootCauseAnalysed => "root-cause analysed",
        NonconformityState.ActionsPlanned => "with actions planned",
        NonconformityState.ActionsDone => "with all actions done",
        NonconformityState.EffectivenessVerified => "verified effective",
        _ => "closed",
    };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
