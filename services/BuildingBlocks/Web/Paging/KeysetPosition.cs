using System.Buffers.Binary;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Where a newest-first page ends: the sort time and the id that breaks ties. Clients see it only as an
/// opaque <c>cursor</c> (base64url of a version byte, the UTC ticks and the id), so its layout may change.</summary>
public readonly record struct KeysetPosition(DateTimeOffset At, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], At.UtcTicks);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? text, out KeysetPosition position)
    {
        position = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
            return false;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        position = new KeysetPosition(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[9..Length], bigEndian: true));
        return true;
    }
}
