// bcobjdump: shows what a .bcbin holds. Everything it prints is valid ByteChip assembly (information as
// '//' comments), so 'bcobjdump -d x.bcbin > x.s && bcas x.s' gives back the same bytes.
using System.CommandLine;
using ByteChip.Isa.Assembly;
using ByteChip.Isa.ObjectFormat;

var input = new Argument<string>("input") { Description = "The .bcbin module to show." };
var disassemble = new Option<bool>("--disassemble", "-d") { Description = "Disassemble the kernels: a listing that re-assembles to the same bytes." };
var headers = new Option<bool>("--headers", "-f") { Description = "Show the file header and module summary (default when nothing else is asked)." };
var kernels = new Option<bool>("--kernels", "-k") { Description = "Show each kernel's metadata: parameters, registers, shared and local bytes." };
var lines = new Option<bool>("--lines", "-l") { Description = "Show the line tables." };
var noEncoding = new Option<bool>("--no-encoding") { Description = "Leave the instruction words out of the disassembly." };
var root = new RootCommand("Show the headers, kernels, line tables and disassembly of a ByteChip .bcbin module.")
{
    input, disassemble, headers, kernels, lines, noEncoding,
};
root.SetAction(parse =>
{
    var path = parse.GetValue(input)!;
    byte[] bytes;
    if (Directory.Exists(path))
    {
        Console.Error.WriteLine($"bcobjdump: error BC0002: '{path}' is a directory, not a .bcbin file");
        return 1;
    }
    try
    {
        bytes = File.ReadAllBytes(path);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"bcobjdump: error BC0002: cannot read '{path}': {e.Message}");
        return 1;
    }
    BcModule module;
    try
    {
        module = BcModuleReader.Read(bytes);
    }
    catch (BcFormatException e)
    {
        Console.Error.WriteLine($"{path}: error {e.Message}");
        return 1;
    }
    bool d = parse.GetValue(disassemble), k = parse.GetValue(kernels), l = parse.GetValue(lines);
    bool h = parse.GetValue(headers) || !(d || k || l);
    var w = Console.Out;
    if (h)
    {
        ModuleReport.Headers(w, path, bytes.Length, module);
    }
    if (k)
    {
        ModuleReport.Kernels(w, module);
    }
    if (l)
    {
        ModuleReport.Lines(w, module);
    }
    if (d)
    {
        w.Write(Disassembler.Disassemble(module, new Disassembler.Options(ShowEncoding: !parse.GetValue(noEncoding))));
    }
    return 0;
});
return root.Parse(args).Invoke();
