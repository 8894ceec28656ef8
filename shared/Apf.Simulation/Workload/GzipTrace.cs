using System.Buffers.Binary;
using System.IO.Compression;

namespace Apf.Simulation.Workload;

/// <summary>
/// The inflated bytes of a gzip-compressed trace (the archive serves its logs as <c>.swf.gz</c>). A file
/// cut off in transfer inflates to its cut without an error from <see cref="GZipStream"/>, which would
/// simulate part of a log as if it were all of it; so at the end the bytes read are checked against the
/// size the gzip trailer records (ISIZE: the uncompressed length modulo 2³²), and damaged data is reported
/// with the file's name.
/// </summary>
internal sealed class GzipTrace : Stream
{
    private readonly GZipStream _inflate;
    private readonly string _name;
    private readonly uint _recordedSize;
    private long _read;

    private GzipTrace(FileStream file, string name, uint recordedSize)
    {
        _inflate = new GZipStream(file, CompressionMode.Decompress);
        _name = name;
        _recordedSize = recordedSize;
    }

    /// <summary>Whether the file starts with gzip's magic bytes (the name is not trusted either way).</summary>
    public static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip;
    }

    public static GzipTrace Open(FileStream file, string name)
    {
        // 10-byte header, at least an empty deflate block, 8-byte trailer.
        if (file.Length < 20) throw new IOException($"{name}: too short to be a gzip file ({file.Length} bytes)");
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Position = 0;
        return new GzipTrace(file, name, BinaryPrimitives.ReadUInt32LittleEndian(trailer));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _inflate.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"{_name}: not a readable gzip file ({e.Message})", e);
        }
        _read += n;
        if (n == 0 && buffer.Length > 0 && (uint)_read != _recordedSize)
            throw new IOException($"{_name}: the gzip file is cut off: {_read:N0} bytes inflated, its trailer records {_recordedSize:N0} (download it again)");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inflate.Dispose();
        base.Dispose(disposing);
    }
}
