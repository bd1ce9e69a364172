using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>
/// Sends a forwarded answer of up to <see cref="Limit"/> bytes in one write, with a Content-Length.
/// </summary>
/// <remarks>
/// The services stream their JSON (chunked); copied as it arrives, a 5 KB answer left the gateway in three writes —
/// headers with the first chunk, the rest, the closing chunk — and woke the client three times. Held until the
/// service is done, it leaves in one. A larger answer (a CSV export) is passed on as it comes once it outgrows the
/// limit, as is a server-sent event stream. While held, nothing has started, so a service that
/// breaks off halfway still gets a clean problem answer instead of a cut-off body.
/// </remarks>
internal sealed class SmallResponsesInOneWrite(RequestDelegate next)
{
    public const int Limit = 64 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var inner = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var held = new HeldResponseBody(inner, http);
        http.Features.Set<IHttpResponseBodyFeature>(held);
        try
        {
            await next(http);
            await held.FinishAsync();
        }
        finally
        {
            http.Features.Set(inner);
        }
    }

    private sealed class HeldResponseBody(IHttpResponseBodyFeature inner, HttpContext http) : Stream, IHttpResponseBodyFeature
    {
        // Never holds more than Limit bytes (a larger answer is passed on), so a fixed, pooled buffer serves.
        private readonly byte[] _pooled = ArrayPool<byte>.Shared.Rent(Limit);
        private MemoryStream? _heldStream;
        private MemoryStream Held => _heldStream ??= Empty(new MemoryStream(_pooled, 0, Limit, writable: true, publiclyVisible: true));

        private static MemoryStream Empty(MemoryStream stream)
        {
            stream.SetLength(0);
            return stream;
        }
        private PipeWriter? _writer;
        private bool _passingOn;

        public Stream Stream => this;
        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

        /// <summary>Whatever is still held goes out now, in one write, with its length.</summary>
        public async Task FinishAsync()
        {
            if (_writer is not null) await _writer.FlushAsync();
            if (_passingOn || http.RequestAborted.IsCancellationRequested) return;
            _passingOn = true;
            if (Held.Length == 0) return;
            if (!http.Response.HasStarted && http.Response.ContentLength is null && !HttpMethods.IsHead(http.Request.Method))
                http.Response.ContentLength = Held.Length;
            await inner.Stream.WriteAsync(Held.GetBuffer().AsMemory(0, (int)Held.Length), http.RequestAborted);
        }

        private async Task PassOnAsync(CancellationToken ct)
        {
            if (_passingOn) return;
            _passingOn = true;
            if (Held.Length > 0) await inner.Stream.WriteAsync(Held.GetBuffer().AsMemory(0, (int)Held.Length), ct);
            Held.SetLength(0);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            if (!_passingOn && Held.Length + buffer.Length <= Limit)
            {
                Held.Write(buffer.Span);
                return;
            }
            await PassOnAsync(ct);
            await inner.Stream.WriteAsync(buffer, ct);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken ct) => _passingOn ? inner.Stream.FlushAsync(ct) : Task.CompletedTask;
        public override void Flush() { }

        public Task StartAsync(CancellationToken ct = default) => _passingOn ? inner.StartAsync(ct) : Task.CompletedTask;

        // YARP asks this of every answer it copies; a server-sent event stream, where it matters, must not be held.
        public void DisableBuffering()
        {
            if (http.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
                PassOnAsync(CancellationToken.None).GetAwaiter().GetResult();
            inner.DisableBuffering();
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken ct = default)
        {
            await PassOnAsync(ct);
            await inner.SendFileAsync(path, offset, count, ct);
        }

        public async Task CompleteAsync()
        {
            await FinishAsync();
            await inner.CompleteAsync();
        }

        // While held the body can be emptied (HttpResponse.Clear before a problem answer); after, it only streams.
        public override bool CanRead => false;
        public override bool CanSeek => !_passingOn;
        public override bool CanWrite => true;
        public override long Length => _passingOn ? throw new NotSupportedException() : Held.Length;
        public override long Position
        {
            get => _passingOn ? throw new NotSupportedException() : Held.Position;
            set { if (_passingOn) throw new NotSupportedException(); Held.Position = value; }
        }
        public override void SetLength(long value)
        {
            if (_passingOn) throw new NotSupportedException();
            Held.SetLength(value);
        }
        public override long Seek(long offset, SeekOrigin origin) =>
            _passingOn ? throw new NotSupportedException() : Held.Seek(offset, origin);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (_writer is not null) await _writer.CompleteAsync();
            ArrayPool<byte>.Shared.Return(_pooled);
        }
    }
}
