using System.Text;
using Docker.DotNet;

namespace Orchestration.Sdk.Docker;

/// <summary>Reads a container's demultiplexed stdout and stderr into one string, in the order they were written.</summary>
internal static class DockerLogReader
{
    public static async Task<string> ReadToEndAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoders = new Dictionary<MultiplexedStream.TargetStream, Decoder>();
        var text = new StringBuilder();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF || read.Count == 0)
            {
                break;
            }

            if (!decoders.TryGetValue(read.Target, out var decoder))
            {
                decoder = Encoding.UTF8.GetDecoder();
                decoders[read.Target] = decoder;
            }

            var count = decoder.GetChars(buffer, 0, read.Count, chars, 0, flush: false);
            text.Append(chars, 0, count);
        }

        return text.ToString();
    }
}
