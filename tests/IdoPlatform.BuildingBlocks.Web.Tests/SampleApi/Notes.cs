using System.Collections.Concurrent;

namespace IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

// A tiny API that exercises every convention; its state lives in memory because these tests are
// about HTTP behaviour, not storage.
public enum NoteKind { Call, Visit, FollowUp }

public sealed record NoteItem(string Topic, int Minutes);

public sealed record CreateNote(string Title, NoteKind Kind, DateTimeOffset? At, DateOnly? Day, IReadOnlyList<NoteItem> Items, string? Remark = null);

public sealed record Note(Guid Id, string Title, NoteKind Kind, DateTimeOffset? At, DateOnly? Day, IReadOnlyList<NoteItem> Items, long Version);

public sealed class NoteBook
{
    public ConcurrentDictionary<Guid, Note> Notes { get; } = new();
}
