using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs against one test database, from EF Core's diagnostic events. Tests run in
/// parallel in one process, so commands are told apart by the database named in their connection string.
/// </summary>
internal sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    // EF Core's default LoggingCacheTime: a context's logger that found nobody listening stops asking for that long.
    private static readonly TimeSpan EfLoggingCacheTime = TimeSpan.FromSeconds(1);

    public QueryCounter(TestDatabase database)
    {
        _database = database.Name;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);

        // Contexts come from a pool and keep their logger between requests (ADR 0038): one that ran a request just
        // before this counter subscribed would not report its commands until its "nobody listens" expired.
        Thread.Sleep(EfLoggingCacheTime + TimeSpan.FromMilliseconds(200));
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed
            && executed.Command.Connection?.ConnectionString.Contains(_database, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
