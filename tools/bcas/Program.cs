// bcas: assembles ByteChip assembly (.s) into a .bcbin module.
using System.CommandLine;
using ByteChip.Isa;
using ByteChip.Isa.Assembly;
using ByteChip.Isa.Diagnostics;
using ByteChip.Isa.ObjectFormat;

var input = new Argument<string>("input") { Description = "Assembly file to assemble ('-' reads standard input)." };
var output = new Option<string?>("--output", "-o") { Description = "Output .bcbin (default: the input name with .bcbin)." };
var arch = new Option<string?>("--arch") { Description = "Target when the file has no '.target' directive: n4 or n5." };
var format = new Option<string?>("--diagnostics-format") { Description = $"Diagnostics style: {DiagnosticFormats.Names}." };
var root = new RootCommand("Assemble ByteChip assembly into a .bcbin module (ELF64).") { input, output, arch, format };
root.SetAction(parse =>
{
    try
    {
        return Run(parse.GetValue(input)!, parse.GetValue(output), parse.GetValue(arch), parse.GetValue(format));
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        Console.Error.WriteLine($"bcas: internal error BC0001: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine("This is a bug in bcas; please report it with the input file.");
        return 2;
    }
});
return root.Parse(args).Invoke();

static int Run(string input, string? output, string? archName, string? formatName)
{
    if (!DiagnosticFormats.TryParse(formatName, out var format))
    {
        Console.Error.WriteLine($"bcas: error BC0005: unknown diagnostics format '{formatName}' (use {DiagnosticFormats.Names})");
        return 1;
    }
    TargetInfo? target = null;
    if (archName is not null && (target = TargetInfo.Find(archName)) is null)
    {
        Console.Error.WriteLine($"bcas: error BC0004: unknown target '{archName}' (use {string.Join(" or ", TargetInfo.All.Select(t => t.Name))})");
        return 1;
    }
    string text;
    if (input != "-" && Directory.Exists(input))
    {
        Console.Error.WriteLine($"bcas: error BC0002: '{input}' is a directory, not an assembly file");
        return 1;
    }
    try
    {
        text = input == "-" ? Console.In.ReadToEnd() : File.ReadAllText(input);
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"bcas: error BC0002: cannot read '{input}': {e.Message}");
        return 1;
    }
    catch (UnauthorizedAccessException e)
    {
        Console.Error.WriteLine($"bcas: error BC0002: cannot read '{input}': {e.Message}");
        return 1;
    }
    var result = Assembler.Assemble(text, input == "-" ? "<stdin>" : input, target);
    foreach (var d in result.Diagnostics)
    {
        Console.Error.WriteLine(DiagnosticFormatter.Format(d, format));
    }
    if (!result.Success)
    {
        return 1;
    }
    output ??= input == "-" ? "a.bcbin" : Path.ChangeExtension(input, ".bcbin");
    try
    {
        File.WriteAllBytes(output, BcModuleWriter.Write(result.Module!));
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"bcas: error BC0007: cannot write '{output}': {e.Message}");
        return 1;
    }
    return 0;
}
