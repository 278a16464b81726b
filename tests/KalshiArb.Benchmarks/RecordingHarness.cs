using KalshiArb.Recording.Format;
using KalshiArb.Recording.Reading;
using KalshiArb.Recording.Synthetic;
using KalshiArb.Recording.Writing;

namespace KalshiArb.Benchmarks;

/// <summary>
/// The recording store's costs on a generated recording (issue #14's replay target: 20 markets, 60 minutes): records,
/// raw vs on-disk bytes, write throughput (only the time inside the writer: generating frames is not counted), and
/// single-threaded read throughput (CRC, decompression, record walk, every payload byte touched). Then the same
/// records written with each candidate codec, to show the write cost vs size trade.
/// </summary>
public static class RecordingHarness
{
    public static void Run(int markets, int minutes)
    {
        Console.WriteLine($"recording harness: {markets} markets, {minutes} minutes, generated (seed 1); {MachineLoad.Describe()}");
        var root = Path.Combine(Path.GetTempPath(), "ka-recording-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SyntheticRecordingOptions { Markets = markets, Minutes = minutes };
            var main = Measure(Path.Combine(root, "default"), options, new RecordingWriterOptions());
            Console.WriteLine($"records: {main.Records:N0} ({main.PayloadBytes / Math.Max(1, main.Records)} payload bytes each on average), segments {main.Segments}");
            Console.WriteLine($"bytes: payload {Mb(main.PayloadBytes)}, raw blocks {Mb(main.RawBytes)}, on disk {Mb(main.DiskBytes)} (ratio {(double)main.RawBytes / main.DiskBytes:0.0}:1)");
            Console.WriteLine($"write: {main.Records / main.WriteSeconds:N0} records/s, {main.PayloadBytes / 1e6 / main.WriteSeconds:N0} MB/s of payload, {main.WriteSeconds * 1e9 / main.Records:0} ns per record ({main.WriteSeconds:0.00} s)");
            Console.WriteLine($"read:  {main.Records / main.ReadSeconds:N0} records/s, {main.PayloadBytes / 1e6 / main.ReadSeconds:N0} MB/s of payload ({main.ReadSeconds:0.00} s, best of 2, status {main.ReadStatus})");

            Console.WriteLine("codecs on the same records (write = time in the writer, read = best of 2):");
            Console.WriteLine($"  {"codec",-16} {"on disk",10} {"ratio",6} {"write ns/rec",13} {"read ns/rec",12}");
            foreach (var (name, writer) in new (string, RecordingWriterOptions)[]
                     {
                         ("brotli q0", new() { BrotliQuality = 0 }),
                         ("brotli q1", new() { BrotliQuality = 1 }),
                         ("brotli q3", new() { BrotliQuality = 3 }),
                         ("brotli q5", new() { BrotliQuality = 5 }),
                         ("deflate fastest", new() { Codec = BlockCodec.Deflate }),
                     })
            {
                var m = Measure(Path.Combine(root, name.Replace(' ', '-')), options, writer);
                Console.WriteLine($"  {name,-16} {Mb(m.DiskBytes),10} {(double)m.RawBytes / m.DiskBytes,6:0.0} {m.WriteSeconds * 1e9 / m.Records,13:0} {m.ReadSeconds * 1e9 / m.Records,12:0}");
            }
            Console.WriteLine($"load average after: {MachineLoad.Average()}");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a temp folder */ }
        }
    }

    private sealed record Figures(long Records, long PayloadBytes, long RawBytes, long DiskBytes, int Segments, double WriteSeconds, double ReadSeconds, ReadStatus ReadStatus);

    private static Figures Measure(string directory, SyntheticRecordingOptions options, RecordingWriterOptions writerOptions)
    {
        var data = new SyntheticMarketData(options);
        var batch = new SyntheticBatch();
        long payloadBytes = 0, writeTicks = 0;
        var writer = new RecordingWriter(directory, writerOptions);
        while (data.Fill(batch))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch.Count; i++)
                writer.Append(batch.Kind(i), batch.Ticks(i), batch.Source(i), batch.Payload(i), batch.Key(i));
            writeTicks += Stopwatch.GetTimestamp() - start;
            for (var i = 0; i < batch.Count; i++) payloadBytes += batch.Payload(i).Length;
        }
        var closing = Stopwatch.GetTimestamp();
        writer.Dispose();
        writeTicks += Stopwatch.GetTimestamp() - closing;

        var readSeconds = double.MaxValue;
        var status = ReadStatus.Reading;
        for (var pass = 0; pass < 2; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            using var reader = RecordingReader.Open(directory);
            long records = 0, checksum = 0;
            while (reader.TryRead(out var m))
            {
                records++;
                foreach (var b in m.Payload.Span) checksum += b;
            }
            readSeconds = Math.Min(readSeconds, Stopwatch.GetElapsedTime(start).TotalSeconds);
            status = reader.Status;
            if (records != writer.RecordsWritten || checksum == 0) throw new InvalidOperationException($"read {records} of {writer.RecordsWritten} records ({reader.Fault})");
        }
        return new Figures(writer.RecordsWritten, payloadBytes, writer.RawBytesWritten, writer.BytesOnDisk, writer.SegmentsWritten,
            (double)writeTicks / Stopwatch.Frequency, readSeconds, status);
    }

    private static string Mb(long bytes) => $"{bytes / 1e6:N1} MB";
}
