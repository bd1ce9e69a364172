using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

public static class NotesEndpoints
{
    public static readonly string[] Topics = ["digid", "toeslagen", "belastingaangifte"];

    public static void MapSampleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(SampleHost.Service.BasePath);

        api.MapPost("/notes", (CreateNote request, NoteBook book, HttpContext http) =>
        {
            var v = new Validator();
            if (v.Required("title", request.Title)) v.MaxLength("title", request.Title, 50);
            v.Required("items", request.Items);
            for (var i = 0; i < request.Items.Count; i++)
            {
                var item = v.At("items", i);
                item.OneOf("topic", request.Items[i].Topic, Topics);
                item.Range("minutes", request.Items[i].Minutes, 1, 240);
            }
            if (v.HasErrors) return v.Problem();

            var note = new Note(Guid.NewGuid(), request.Title, request.Kind, request.At, request.Day, request.Items, 1);
            book.Notes[note.Id] = note;
            ETags.Set(http.Response, note.Version);
            return (IResult)TypedResults.Created($"{SampleHost.Service.BasePath}/notes/{note.Id}", note);
        }).WithName("createNote").Produces<Note>(StatusCodes.Status201Created).WithIdempotency().RequireRoles(Roles.Desk);

        // Enum filters in a query string bind by C# name, case-sensitively; a string validated
        // against the JSON names keeps query and body spelling the same.
        api.MapGet("/notes", (PageRequest paging, string? kind, DateOnly? since, int? minMinutes, NoteBook book, HttpContext http) =>
        {
            var kinds = Enum.GetValues<NoteKind>().ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()));
            var v = new Validator();
            v.OneOf("kind", kind, kinds.Keys);
            if (v.HasErrors) return (IResult)v.Problem();

            var all = book.Notes.Values.Where(n => kind is null || n.Kind == kinds[kind])
                .Where(n => minMinutes is null || n.Items.Sum(i => i.Minutes) >= minMinutes)
                .Where(n => since is null || n.Day >= since)
                .OrderBy(n => n.Title, StringComparer.Ordinal).ThenBy(n => n.Id).ToList();
            return paging.Result(http, all.Skip(paging.Offset).Take(paging.PageSize).ToList(), all.Count);
        }).WithName("listNotes").Produces<Paged<Note>>();

        api.MapGet("/notes/{id}", (Guid id, NoteBook book, HttpContext http) =>
        {
            if (!book.Notes.TryGetValue(id, out var note)) return Problems.NotFound($"Notitie {id} bestaat niet.");
            ETags.Set(http.Response, note.Version);
            return (IResult)TypedResults.Ok(note);
        }).WithName("getNote").Produces<Note>();

        api.MapPut("/notes/{id}/title", (Guid id, RenameNote request, NoteBook book, HttpContext http) =>
        {
            if (!IfMatch.TryRead(http.Request, out var ifMatch, out var problem)) return problem;
            if (!book.Notes.TryGetValue(id, out var note)) return Problems.NotFound();
            if (!ifMatch.Matches(note.Version)) return Problems.PreconditionFailed();
            var renamed = note with { Title = request.Title, Version = note.Version + 1 };
            if (!book.Notes.TryUpdate(id, renamed, note)) throw new ConcurrencyException(id, $"Note {id} changed meanwhile.");
            ETags.Set(http.Response, renamed.Version);
            return (IResult)TypedResults.Ok(renamed);
        }).WithName("renameNote").Produces<Note>();

        api.MapPost("/notes/{id}/conflicts", IResult (Guid id) =>
            throw new ConcurrencyException(id, $"Note {id} expected at version 1 but is at 2.")).WithName("causeConflict");

        api.MapGet("/me", (CurrentAccount account) => TypedResults.Ok(account)).WithName("getMe");
        api.MapGet("/monitor-only", () => TypedResults.Ok("ok")).RequireRoles(Roles.Monitor).WithName("getMonitorOnly");
        api.MapGet("/public", (CurrentAccount? account) => TypedResults.Ok(new { signedIn = account is not null }))
            .AllowAnonymous().WithName("getPublic");
        api.MapGet("/report", () => TypedResults.Text("a,b\r\n", "text/csv")).AllowAnonymous().WithName("getReport")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("/busy", () => Problems.TooManyRequests(TimeSpan.FromSeconds(30))).AllowAnonymous().WithName("getBusy");
        api.MapGet("/boom", IResult () =>
            throw new InvalidOperationException("Host=db.internal;Password=hunter2 at Secret.Method()")).AllowAnonymous().WithName("getBoom");
        // As an event store reports a full connection pool: Npgsql's timeout, wrapped in the store's own exception.
        api.MapGet("/pool-exhausted", IResult () => throw new InvalidOperationException("Saving failed",
            new Npgsql.NpgsqlException("The connection pool has been exhausted", new TimeoutException()))).AllowAnonymous().WithName("getPoolExhausted");
    }
}

public sealed record RenameNote(string Title);
