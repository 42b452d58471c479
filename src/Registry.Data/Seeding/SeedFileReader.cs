using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.ServerLists;

namespace Registry.Data.Seeding;

/// <summary>
/// Reads a seed file (a list response or a bare array, as <see cref="ServerListResponseReader"/> takes) in pages of
/// a given number of entries (<see cref="EntriesPerPage"/> for the migration service), holding the file's bytes and one page's documents rather than the whole
/// file as one string and one JSON tree: a million versions are about a gigabyte of JSON, which as a string is
/// near .NET's limit on a string's length and as a tree many times that in memory.
/// </summary>
public static class SeedFileReader
{
    public const int EntriesPerPage = 20_000;

    private const string ShapeError = "The seed must be a list response ({\"servers\":[...]}) or an array.";

    public static async IAsyncEnumerable<ServerListResponseReader.Page> ReadAsync(
        string path, int entriesPerPage, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var json = await File.ReadAllBytesAsync(path, cancellationToken);
        var position = new Position();
        var read = 0;
        while (!position.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = NextItems(json, position, entriesPerPage);
            if (items.Count == 0 && read > 0)
            {
                yield break;
            }

            var (entries, rejected) = ServerListResponseReader.ReadItems(items, read);
            read += items.Count;
            yield return new ServerListResponseReader.Page(entries, rejected, NextCursor: null);
        }
    }

    /// <summary>Where the previous page stopped: a byte offset and the reader's state there.</summary>
    private sealed class Position
    {
        public int Offset;
        public JsonReaderState State;
        public bool InList;
        public bool Done;
    }

    private static List<JsonNode?> NextItems(byte[] json, Position position, int entriesPerPage)
    {
        var reader = new Utf8JsonReader(json.AsSpan(position.Offset), isFinalBlock: true, position.State);
        if (!position.InList)
        {
            EnterList(ref reader);
            position.InList = true;
        }

        var items = new List<JsonNode?>(entriesPerPage);
        while (items.Count < entriesPerPage)
        {
            if (!reader.Read())
            {
                throw new FormatException("The seed ends inside its list of servers.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                position.Done = true;
                break;
            }

            items.Add(JsonNode.Parse(ref reader));
        }

        position.Offset += (int)reader.BytesConsumed;
        position.State = reader.CurrentState;
        return items;
    }

    /// <summary>Moves to the start of the list: the top-level array, or the array of the top-level <c>servers</c> property.</summary>
    private static void EnterList(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException("The seed is empty.");
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException(ShapeError);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isServers = reader.ValueTextEquals("servers"u8);
            if (!reader.Read())
            {
                break;
            }

            if (isServers && reader.TokenType == JsonTokenType.StartArray)
            {
                return;
            }

            reader.Skip();
        }

        throw new FormatException(ShapeError);
    }
}
