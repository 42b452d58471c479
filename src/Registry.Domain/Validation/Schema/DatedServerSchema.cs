using System.Text.Json.Nodes;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>One compiled dated schema, with its raw text kept to look up keyword values for clearer messages.</summary>
internal sealed record DatedServerSchema(string Version, JsonSchema Schema, JsonNode Document);
