using System.Net.WebSockets;
using System.Text;

namespace Orchestration.Sdk.Kubernetes.Tests.Streams;

/// <summary>The client side of the channel protocol, as kubectl's websocket executor speaks it.</summary>
internal static class ChannelClient
{
    public static Task SendAsync(WebSocket socket, byte channel, string text) => SendAsync(socket, channel, Encoding.UTF8.GetBytes(text));

    public static Task SendAsync(WebSocket socket, byte channel, byte[] data) =>
        socket.SendAsync((byte[])[channel, .. data], WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Every message until the server closes, as (channel, data).</summary>
    public static async Task<List<(byte Channel, byte[] Data)>> ReadAllAsync(WebSocket socket)
    {
        var messages = new List<(byte, byte[])>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return messages;
            }

            var bytes = message.ToArray();
            messages.Add((bytes[0], bytes[1..]));
        }
    }

    public static string Text(IEnumerable<(byte Channel, byte[] Data)> messages, byte channel) =>
        string.Concat(messages.Where(m => m.Channel == channel).Select(m => Encoding.UTF8.GetString(m.Data)));
}
