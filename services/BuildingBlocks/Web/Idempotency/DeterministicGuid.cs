using System.Security.Cryptography;
using System.Text;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Name-based UUIDs, version 5 (RFC 9562 §5.5): the same namespace and name always give the
/// same id. The alternative to <see cref="IdempotencyStore"/> for creating POSTs: derive the new
/// stream's id from the caller's account and the Idempotency-Key, start the stream with that id, and a
/// retry finds the stream already there (the event store refuses to start it twice) and can answer
/// with the existing resource instead of creating a second one.
/// <code>
/// var id = DeterministicGuid.Create(VisitIds.Namespace, $"{account.AccountId}/{idempotencyKey}");
/// </code></summary>
public static class DeterministicGuid
{
    public static Guid Create(Guid @namespace, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        @namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);

        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what version 5 is defined with; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
