using System.Text;
using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class LostIndentsTests
{
    private static string Repair(string raw) => Encoding.ASCII.GetString(LostIndents.Repair(Encoding.ASCII.GetBytes(raw)).Span);

    [Fact]
    public void A_parameter_line_after_a_semicolon_gets_its_blank_back()
    {
        Assert.Equal("Content-Type: text/plain;\r\n charset=us-ascii;\r\n format=flowed\r\nTo: a@b\r\n\r\nx=1\r\n",
            Repair("Content-Type: text/plain;\r\ncharset=us-ascii;\r\nformat=flowed\r\nTo: a@b\r\n\r\nx=1\r\n"));
    }

    [Theory]
    [InlineData("Subject: hi;\nsee you there\n\nbody\n")]              // no "name=": words that lost their blank line
    [InlineData("Subject: hi\nboundary=\"B\"\n\nbody\n")]              // the line above ends no parameter list
    [InlineData("Subject: hi;\n\nboundary=\"B\"\n")]                   // in the body, not the header block
    [InlineData("Content-Type: text/plain;\n charset=us-ascii\n\n")]   // already folded
    public void Other_lines_are_left_as_they_are(string raw) => Assert.Equal(raw, Repair(raw));
}
