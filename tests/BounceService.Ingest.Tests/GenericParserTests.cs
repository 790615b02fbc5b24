using System.Text;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Providers.Generic;

namespace BounceService.Ingest.Tests;

public sealed class GenericParserTests
{
    private static GenericParser.Result Parse(string json, int maxEvents = 1000) =>
        GenericParser.Parse(Encoding.UTF8.GetBytes(json), maxEvents);

    private static IngestError SingleError(GenericParser.Result result)
    {
        Assert.Empty(result.Events);
        Assert.False(result.TooMany);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Single_object_gives_one_event_with_every_field()
    {
        var result = Parse("""
            {"event_id":"e-1","type":"bounce","recipient":"a@b.com","list_uid":"list-1","campaign_uid":"camp-1",
             "sending_server":"mta-1","smtp_code":550,"dsn_code":"5.1.1",
             "reason":"550 5.1.1 The email account that you tried to reach does not exist",
             "provider_label":"Permanent","occurred_at":"2026-12-04T10:00:00Z"}
            """);

        Assert.Empty(result.Errors);
        Assert.False(result.TooMany);
        Assert.Equal(
            new InboundEvent("generic", "e-1", "bounce", "a@b.com", "list-1", "camp-1", "mta-1", 550, "5.1.1",
                "550 5.1.1 The email account that you tried to reach does not exist", "Permanent",
                new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero)),
            Assert.Single(result.Events));
    }

    [Fact]
    public void Only_type_and_recipient_are_required()
    {
        var result = Parse("""{"type":"delivered","recipient":"a@b.com"}""");

        Assert.Empty(result.Errors);
        Assert.Equal(
            new InboundEvent("generic", null, "delivered", "a@b.com", null, null, null, null, null, null, null, null),
            Assert.Single(result.Events));
    }

    [Fact]
    public void Array_gives_its_events_in_order()
    {
        var result = Parse("""
            [{"type":"bounce","recipient":"one@b.com"},
             {"type":"complaint","recipient":"two@b.com"},
             {"type":"delivered","recipient":"three@b.com"}]
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(
            [("bounce", "one@b.com"), ("complaint", "two@b.com"), ("delivered", "three@b.com")],
            result.Events.Select(e => (e.EventType, e.Recipient)));
    }

    [Fact]
    public void Array_of_one_is_the_same_as_the_object()
    {
        const string item = """{"type":"bounce","recipient":"a@b.com","smtp_code":550}""";

        Assert.Equal(Parse(item).Events, Parse($"[{item}]").Events);
    }

    [Theory]
    [InlineData("""{"type":"bounce"}""", "/recipient", "recipient is required")]
    [InlineData("""{"type":"bounce","recipient":null}""", "/recipient", "recipient is required")]
    [InlineData("""{"type":"bounce","recipient":"   "}""", "/recipient", "recipient is required")]
    [InlineData("""{"type":"bounce","recipient":42}""", "/recipient", "recipient must be a string")]
    [InlineData("""{"type":"bounce","recipient":"nobody"}""", "/recipient", "not a valid e-mail address")]
    [InlineData("""{"type":"bounce","recipient":"a@localdomain"}""", "/recipient", "not a valid e-mail address")]
    [InlineData("""{"type":"bounce","recipient":"Alice <a@b.com>"}""", "/recipient", "not a valid e-mail address")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com, c@d.com"}""", "/recipient", "not a valid e-mail address")]
    [InlineData("""{"recipient":"a@b.com"}""", "/type", "type is required")]
    [InlineData("""{"type":"opened","recipient":"a@b.com"}""", "/type", "type must be one of")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","smtp_code":999}""", "/smtp_code", "between 200 and 599")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","smtp_code":"five fifty"}""", "/smtp_code", "must be an integer")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","smtp_code":550.5}""", "/smtp_code", "must be an integer")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","dsn_code":"9.9.9"}""", "/dsn_code", "RFC 3463")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","occurred_at":"yesterday"}""", "/occurred_at", "date-time")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","list_uid":["l"]}""", "/list_uid", "must be a string")]
    public void Invalid_field_of_a_single_event_is_named_by_its_pointer(string json, string pointer, string detail)
    {
        var error = SingleError(Parse(json));

        Assert.Equal(pointer, error.Pointer);
        Assert.Contains(detail, error.Detail);
    }

    [Fact]
    public void Over_long_event_id_is_an_error()
    {
        var error = SingleError(Parse($$"""{"event_id":"{{new string('x', 257)}}","type":"bounce","recipient":"a@b.com"}"""));

        Assert.Equal("/event_id", error.Pointer);
    }

    [Fact]
    public void Missing_recipient_in_a_batch_is_named_by_index_and_nothing_is_returned()
    {
        var result = Parse("""
            [{"type":"bounce","recipient":"a0@b.com"},{"type":"bounce","recipient":"a1@b.com"},
             {"type":"bounce","recipient":"a2@b.com"},{"type":"bounce"},{"type":"bounce","recipient":"a4@b.com"}]
            """);

        var error = SingleError(result);
        Assert.Equal("/3/recipient", error.Pointer);
        Assert.StartsWith("Event #3: ", error.Detail);
    }

    [Fact]
    public void Every_problem_of_a_batch_is_reported_in_order()
    {
        var result = Parse("""
            [{"type":"bounce","recipient":"ok@b.com"},
             {"type":"opened","recipient":"nobody"},
             {"type":"bounce","recipient":"ok@b.com","dsn_code":"x"},
             7]
            """);

        Assert.Empty(result.Events);
        Assert.Equal(["/1/type", "/1/recipient", "/2/dsn_code", "/3"], result.Errors.Select(e => e.Pointer));
        Assert.Contains("not a JSON object", result.Errors[^1].Detail);
    }

    [Theory]
    [InlineData("""{"type":"bounce","recipient":"a@b.com" """)]
    [InlineData("""{"type":"bounce","recipient":"a@b.com"} {}""")]
    [InlineData("""{"type":"bounce",}""")]
    [InlineData("""{'type':'bounce'}""")]
    [InlineData("")]
    [InlineData("   ")]
    public void Malformed_json_is_an_error_on_the_whole_body(string json)
    {
        var error = SingleError(Parse(json));

        Assert.Equal("", error.Pointer);
        Assert.Contains("not valid JSON", error.Detail);
    }

    [Fact]
    public void Too_deeply_nested_json_is_an_error_on_the_whole_body()
    {
        var json = $$"""{"type":"bounce","recipient":"a@b.com","extra":{{new string('[', 40)}}{{new string(']', 40)}}}""";

        Assert.Equal("", SingleError(Parse(json)).Pointer);
    }

    [Fact]
    public void Escaped_lone_surrogate_in_an_unknown_property_name_is_ignored_like_the_property()
    {
        var result = Parse("""{"type":"bounce","recipient":"a@b.com","x\uD800":"1"}""");

        Assert.Empty(result.Errors);
        Assert.Single(result.Events);
    }

    public static TheoryData<byte[]> InvalidUtf8Bodies => new()
    {
        // {"\xFF":1}: in a property name.
        new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D },
        // {"type":"bounce","recipient":"a\xC3@b.com"}: a truncated two-byte sequence in a value that is read.
        Encoding.UTF8.GetBytes("""{"type":"bounce","recipient":"a""").Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("""@b.com"}""")).ToArray(),
        // A lone continuation byte in the diagnostic text.
        Encoding.UTF8.GetBytes("""{"type":"bounce","recipient":"a@b.com","reason":"550 """).Concat(new byte[] { 0x80 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(),
        // Overlong encoding of '/' (C0 AF) in an unknown field.
        Encoding.UTF8.GetBytes("""{"type":"bounce","recipient":"a@b.com","x":" """).Concat(new byte[] { 0xC0, 0xAF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(),
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public void Invalid_utf8_is_an_error_on_the_whole_body(byte[] body)
    {
        var error = SingleError(GenericParser.Parse(body, 1000));

        Assert.Equal("", error.Pointer);
        Assert.Contains("UTF-8", error.Detail);
    }

    [Theory]
    [InlineData("""{"type":"bounce","recipient":"a\uD800@b.com"}""", "/recipient")]
    [InlineData("""{"type":"bounce","recipient":"a@b.com","reason":"550 \uDC00"}""", "/reason")]
    [InlineData("""[{"type":"bounce","recipient":"a@b.com"},{"type":"bounce","recipient":"a@b.com","event_id":"\uDBFF\u0041"}]""", "/1/event_id")]
    public void Escaped_lone_surrogate_in_a_field_is_an_error_naming_it(string json, string pointer)
    {
        var error = SingleError(Parse(json));

        Assert.Equal(pointer, error.Pointer);
    }

    [Theory]
    [InlineData("\"a@b.com\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void Body_that_is_neither_object_nor_array_is_an_error(string json)
    {
        var error = SingleError(Parse(json));

        Assert.Equal("", error.Pointer);
        Assert.Contains("one event object or an array", error.Detail);
    }

    [Fact]
    public void Empty_array_is_an_error()
    {
        var error = SingleError(Parse("[]"));

        Assert.Equal("", error.Pointer);
        Assert.Contains("no events", error.Detail);
    }

    private static string Batch(int count) =>
        "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"type":"bounce","recipient":"r{{i}}@b.com"}""")) + "]";

    [Fact]
    public void More_than_the_maximum_is_too_many_and_gives_no_events()
    {
        var result = Parse(Batch(1001));

        Assert.True(result.TooMany);
        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Pointer);
        Assert.Contains("1001", error.Detail);
    }

    [Fact]
    public void Too_many_wins_over_invalid_items()
    {
        var result = Parse("[" + string.Join(',', Enumerable.Repeat("""{"type":"bounce"}""", 4)) + "]", maxEvents: 3);

        Assert.True(result.TooMany);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Exactly_the_maximum_is_accepted()
    {
        var result = Parse(Batch(1000));

        Assert.False(result.TooMany);
        Assert.Empty(result.Errors);
        Assert.Equal(1000, result.Events.Count);
    }

    [Theory]
    [InlineData("Alice.Smith@Example.COM", "alice.smith@example.com")]
    [InlineData("  a@b.com  ", "a@b.com")]
    [InlineData("postmaster@localhost", "postmaster@localhost")]
    public void Recipient_is_trimmed_and_lower_cased(string given, string expected)
    {
        var result = Parse($$"""{"type":"bounce","recipient":"{{given}}"}""");

        Assert.Equal(expected, Assert.Single(result.Events).Recipient);
    }

    [Theory]
    [InlineData("5.1.1", "5.1.1")]
    [InlineData("5.01.001", "5.1.1")]
    [InlineData("#5.1.1", "5.1.1")]
    [InlineData("smtp; 5.7.26", "5.7.26")]
    [InlineData("4.2.2", "4.2.2")]
    public void Dsn_code_is_normalised(string given, string expected)
    {
        var result = Parse($$"""{"type":"bounce","recipient":"a@b.com","dsn_code":"{{given}}"}""");

        Assert.Equal(expected, Assert.Single(result.Events).DsnCode);
    }

    [Fact]
    public void Smtp_code_may_be_a_number_or_a_numeric_string()
    {
        var result = Parse("""[{"type":"bounce","recipient":"a@b.com","smtp_code":550},{"type":"bounce","recipient":"a@b.com","smtp_code":"421"}]""");

        Assert.Equal([550, 421], result.Events.Select(e => e.SmtpCode));
    }

    [Theory]
    [InlineData("2026-12-04T10:00:00Z")]
    [InlineData("2026-12-04T12:00:00+02:00")]
    [InlineData("2026-12-04T05:00:00-05:00")]
    [InlineData("2026-12-04T10:00:00")]
    [InlineData("2026-12-04T10:00:00.000Z")]
    public void Occurred_at_is_parsed_as_utc(string given)
    {
        var result = Parse($$"""{"type":"bounce","recipient":"a@b.com","occurred_at":"{{given}}"}""");

        var occurredAt = Assert.Single(result.Events).OccurredAt;
        Assert.NotNull(occurredAt);
        Assert.Equal(TimeSpan.Zero, occurredAt.Value.Offset);
        Assert.Equal(new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), occurredAt.Value.UtcDateTime);
    }

    [Fact]
    public void Blank_optional_fields_are_absent()
    {
        var result = Parse("""{"type":"bounce","recipient":"a@b.com","event_id":"","list_uid":" ","reason":""}""");

        var e = Assert.Single(result.Events);
        Assert.Equal((null, null, null), (e.EventId, e.ListUid, e.Diagnostic));
    }
}
