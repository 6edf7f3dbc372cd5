namespace ByteChip.Differential.Tests.Generator;

/// <summary>Generates random well-defined kernels of the CUDA subset from a seed (the same seed gives the same program).</summary>
public sealed class ProgramGenerator
{
    private static readonly uint[] s_interesting32 = [0, 1, 2, 3, 5, 7, 8, 31, 32, 63, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
    private static readonly ulong[] s_interesting64 = [0, 1, 3, 31, 32, 63, 0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xfffffffe00000001];
    private static readonly int[] s_blockSizes = [32, 64, 128, 40, 96, 33];

    private readonly Rng _rng;
    private readonly ulong _seed;
    private readonly List<Function> _functions = [];
    private readonly List<ArrayVar> _shared = [];
    private readonly List<Var> _threadVars = [];
    private int _names;
    private int _blockSize;

    // The context of the statement being generated.
    private readonly List<Var> _scope = [];
    private readonly List<ArrayVar> _arrays = [];
    private HashSet<ArrayVar> _sharedWritable = [];
    private HashSet<ArrayVar> _sharedReadable = [];
    private int _loopDepth;
    private int _switchDepth;
    private int _switchNesting; // enclosing switches, across loops
    private bool _canReturnFromKernel;
    private VType? _functionReturnType;
    private int _budget;

    /// <summary>Steers around open compiler bugs that would otherwise hide everything else (each has a regression
    /// case under Regressions/). None is open now (nested switches were fixed); <c>BYTECHIP_DIFF_AVOID_KNOWN_BUGS=1</c>
    /// still turns off switch nesting.</summary>
    public static bool AvoidKnownBugs { get; set; } = Environment.GetEnvironmentVariable("BYTECHIP_DIFF_AVOID_KNOWN_BUGS") == "1";

    private readonly int _maxSize;

    private ProgramGenerator(ulong seed, int maxSize)
    {
        _seed = seed;
        _maxSize = maxSize;
        _rng = new Rng(seed * 0x2545f4914f6cdd1dUL + 1);
    }

    /// <summary>Generates the program of a seed; <paramref name="maxSize"/> 0 (small) to 2 (large, register pressure)
    /// caps the size class (a capped seed gives another program than the uncapped one).</summary>
    public static Program Generate(ulong seed, int maxSize = 2) => new ProgramGenerator(seed, maxSize).Build();

    private string Name(string prefix) => $"{prefix}{_names++}";

    private Program Build()
    {
        int size = Math.Min(_maxSize, _rng.Weighted(50, 35, 15)); // small, medium, large (register pressure)
        _blockSize = _rng.Pick(s_blockSizes);
        int grid = _rng.Range(1, 3);
        var input = Enumerable.Range(0, Program.InputLength).Select(_ => _rng.Chance(20) ? s_interesting32[_rng.Next(s_interesting32.Length)] : _rng.NextU32()).ToArray();
        uint scalar = _rng.Chance(50) ? _rng.NextU32() : (uint)_rng.Next(16);

        int functionCount = _rng.Weighted(30, 30, 25, 15);
        for (int i = 0; i < functionCount; i++)
        {
            _functions.Add(GenFunction());
        }

        int sharedCount = _rng.Weighted(20, 50, 30);
        for (int i = 0; i < sharedCount; i++)
        {
            int slots = _rng.Chance(70) ? 1 : 2;
            _shared.Add(new ArrayVar(Name("sh"), _rng.Chance(75) ? VType.U32 : VType.U64, slots * _blockSize, Shared: true, slots));
        }

        int threadVarCount = size switch { 0 => _rng.Range(2, 4), 1 => _rng.Range(4, 8), _ => _rng.Range(10, 24) };
        int phaseCount = _rng.Range(1, 4);
        int statementsPerPhase = size switch { 0 => 4, 1 => 8, _ => 14 };
        var phases = new List<Block>();
        for (int p = 0; p < phaseCount; p++)
        {
            var body = new List<Stmt>();
            _scope.Clear();
            _arrays.Clear();
            _scope.Add(new Var("s", VType.U32, VarKind.KernelParam));
            _scope.AddRange(_threadVars);
            _canReturnFromKernel = p == phaseCount - 1;
            if (p == 0)
            {
                // The initial values read no shared memory: nothing is written yet.
                _sharedWritable = [];
                _sharedReadable = [];
                foreach (var a in _shared)
                {
                    body.Add(new SharedInit(a, GenExpr(a.Type, 2)));
                }
                _sharedWritable = [.. _shared];
                for (int i = 0; i < threadVarCount; i++)
                {
                    var v = new Var(Name("t"), _rng.Chance(65) ? VType.U32 : VType.U64, VarKind.Thread);
                    body.Add(new Decl(v, GenExpr(v.Type, 2)));
                    _threadVars.Add(v);
                    _scope.Add(v);
                }
            }
            else
            {
                // Each shared array is either written (own slots only) or read (any slot) in a phase.
                _sharedWritable = [];
                _sharedReadable = [];
                foreach (var a in _shared)
                {
                    (_rng.Chance(50) ? _sharedWritable : _sharedReadable).Add(a);
                }
            }
            _budget = statementsPerPhase * 3;
            body.AddRange(GenStatements(_rng.Range(statementsPerPhase / 2, statementsPerPhase), depth: 0));
            if (p == phaseCount - 1)
            {
                for (int j = 0; j < Program.OutputsPerThread && j < _threadVars.Count; j++)
                {
                    var folded = _threadVars.Where((_, i) => i % Program.OutputsPerThread == j).Select(Fold).Aggregate((a, b) => new Binary(BinOp.Xor, a, b));
                    body.Add(new Assign(new OutTarget(new Const(VType.U32, (ulong)j)), AssignOp.Set, folded));
                }
            }
            phases.Add(new Block(body));
        }
        return new Program(_seed, grid, _blockSize, input, scalar, _shared, _threadVars, _functions, phases);
    }

    private static Expr Fold(Var v) => v.Type == VType.U64
        ? new Conversion(ConvKind.Trunc32, new Binary(BinOp.Xor, new Ref(v), new Binary(BinOp.Shr, new Ref(v), new Const(VType.U64, 32))))
        : new Ref(v);

    private Function GenFunction()
    {
        var parameters = new List<Var>();
        int count = _rng.Range(1, 3);
        for (int i = 0; i < count; i++)
        {
            parameters.Add(new Var(Name("p"), _rng.Chance(70) ? VType.U32 : VType.U64, VarKind.FunctionParam));
        }
        var ret = _rng.Chance(70) ? VType.U32 : VType.U64;
        _scope.Clear();
        _arrays.Clear();
        _scope.AddRange(parameters);
        _sharedWritable = [];
        _sharedReadable = [];
        _canReturnFromKernel = false;
        _functionReturnType = ret;
        _budget = 8;
        var body = GenStatements(_rng.Range(1, 4), depth: 0);
        var result = GenExpr(ret, 3);
        _functionReturnType = null;
        return new Function(Name("f"), ret, parameters, new Block(body), result, NoInline: _rng.Chance(40));
    }

    private List<Stmt> GenStatements(int count, int depth)
    {
        var list = new List<Stmt>();
        int scopeMark = _scope.Count, arrayMark = _arrays.Count;
        for (int i = 0; i < count && _budget > 0; i++)
        {
            _budget--;
            list.Add(GenStatement(depth));
        }
        _scope.RemoveRange(scopeMark, _scope.Count - scopeMark);
        _arrays.RemoveRange(arrayMark, _arrays.Count - arrayMark);
        return list;
    }

    private Block GenBlock(int depth) => new(GenStatements(_rng.Range(1, depth >= 3 ? 2 : 4), depth + 1));

    private Stmt GenStatement(int depth)
    {
        bool nest = depth < 4;
        bool inLoop = _loopDepth > 0;
        bool inBreakable = inLoop || _switchDepth > 0;
        bool canReturn = _canReturnFromKernel || _functionReturnType is not null;
        int kind = _rng.Weighted(
            30,                          // 0 assign
            10,                          // 1 local declaration
            nest ? 14 : 0,               // 2 if
            nest ? 9 : 0,                // 3 for
            nest ? 4 : 0,                // 4 while / do
            nest && !(AvoidKnownBugs && _switchNesting > 0) ? 5 : 0, // 5 switch
            4,                           // 6 local array
            _sharedWritable.Count > 0 ? 8 : 0, // 7 shared store
            _functionReturnType is null ? 4 : 0, // 8 output store (kernel only)
            inBreakable ? 4 : 0,         // 9 if (...) break / continue
            canReturn ? 2 : 0);          // 10 if (...) return
        switch (kind)
        {
            case 0:
                return GenAssign();
            case 1:
            {
                var v = new Var(Name("v"), RandomIntType(), VarKind.Local);
                var d = new Decl(v, GenExpr(v.Type, 3));
                _scope.Add(v);
                return d;
            }
            case 2:
                return new If(GenCondition(), GenBlock(depth), _rng.Chance(50) ? GenBlock(depth) : null);
            case 3:
            {
                var index = new Var(Name("i"), VType.U32, VarKind.LoopIndex);
                Expr? bound = _rng.Chance(40) ? GenExpr(RandomIntType(), 2) : null;
                _scope.Add(index);
                _loopDepth++;
                int savedSwitch = _switchDepth;
                _switchDepth = 0;
                var body = GenBlock(depth);
                _switchDepth = savedSwitch;
                _loopDepth--;
                _scope.Remove(index);
                return new For(index, _rng.Range(1, 6), bound, body);
            }
            case 4:
            {
                var counter = new Var(Name("w"), VType.U32, VarKind.LoopIndex);
                _loopDepth++;
                int savedSwitch = _switchDepth;
                _switchDepth = 0;
                _scope.Add(counter);
                var body = GenBlock(depth);
                _scope.Remove(counter);
                _switchDepth = savedSwitch;
                _loopDepth--;
                return new While(counter, _rng.Range(1, 5), _rng.Chance(50), body);
            }
            case 5:
            {
                var value = GenExpr(RandomIntType(), 2);
                var labels = Enumerable.Range(0, 8).OrderBy(_ => _rng.NextU32()).ToList();
                int caseCount = _rng.Range(1, 4);
                var cases = new List<SwitchCase>();
                _switchDepth++;
                _switchNesting++;
                int used = 0;
                for (int c = 0; c < caseCount; c++)
                {
                    int n = _rng.Range(1, 2);
                    var caseLabels = labels.Skip(used).Take(n).ToList();
                    used += n;
                    cases.Add(new SwitchCase(caseLabels, IsDefault: false, GenBlock(depth), EndsWithBreak: _rng.Chance(70)));
                }
                if (_rng.Chance(60))
                {
                    cases.Insert(_rng.Next(cases.Count + 1), new SwitchCase([], IsDefault: true, GenBlock(depth), EndsWithBreak: _rng.Chance(70)));
                }
                _switchDepth--;
                _switchNesting--;
                return new SwitchStmt(value, cases);
            }
            case 6:
            {
                var type = RandomIntType();
                var array = new ArrayVar(Name("a"), type, 1 << _rng.Range(1, 4), Shared: false);
                var index = new Var(Name("i"), VType.U32, VarKind.LoopIndex);
                _scope.Add(index);
                var init = GenExpr(type, 2);
                _scope.Remove(index);
                _arrays.Add(array);
                return new ArrayDecl(array, index, init);
            }
            case 7:
            {
                var array = _rng.Pick(_sharedWritable.OrderBy(a => a.Name, StringComparer.Ordinal).ToList());
                return new Assign(new OwnSlotTarget(array, _rng.Next(array.Slots)), RandomAssignOp(), GenExpr(array.Type, 3));
            }
            case 8:
                return new Assign(new OutTarget(GenExpr(VType.U32, 1)), AssignOp.Set, GenExpr(VType.U32, 3));
            case 9:
                return new If(GenCondition(), new Block([_loopDepth > 0 && _rng.Chance(50) ? new Continue() : new Break()]), null);
            default:
                return new If(GenCondition(), new Block([new Return(_functionReturnType is { } t ? GenExpr(t, 2) : null)]), null);
        }
    }

    private Stmt GenAssign()
    {
        var targets = _scope.Where(v => v.Kind is VarKind.Thread or VarKind.Local or VarKind.FunctionParam).ToList();
        var locals = _arrays.Where(a => !a.Shared).ToList();
        if (locals.Count > 0 && _rng.Chance(20))
        {
            var a = _rng.Pick(locals);
            return new Assign(new ArrayTarget(a, GenExpr(VType.U32, 2)), RandomAssignOp(), GenExpr(a.Type, 3));
        }
        if (targets.Count == 0)
        {
            var v = new Var(Name("v"), RandomIntType(), VarKind.Local);
            _scope.Add(v);
            return new Decl(v, GenExpr(v.Type, 3));
        }
        var target = _rng.Pick(targets);
        return new Assign(new VarTarget(target), RandomAssignOp(), GenExpr(target.Type, 3));
    }

    private AssignOp RandomAssignOp() => (AssignOp)_rng.Weighted(40, 15, 8, 8, 12, 8, 8);

    private VType RandomIntType() => _rng.Chance(70) ? VType.U32 : VType.U64;

    /// <summary>A condition: often thread- or data-dependent so branches diverge.</summary>
    private Expr GenCondition()
    {
        switch (_rng.Weighted(30, 20, 50))
        {
            case 0:
                return new Compare(_rng.Pick(Enum.GetValues<CmpOp>()), false, new Binary(BinOp.And, new BuiltinRef(Builtin.ThreadIdx), new Const(VType.U32, (ulong)_rng.Range(1, 31))), new Const(VType.U32, (ulong)_rng.Next(16)));
            case 1:
                return new Binary(BinOp.And, GenExpr(VType.U32, 2), new Const(VType.U32, (ulong)(1 << _rng.Next(8))));
            default:
                var t = RandomIntType();
                return new Compare(_rng.Pick(Enum.GetValues<CmpOp>()), _rng.Chance(25), GenExpr(t, 2), GenExpr(t, 2));
        }
    }

    private Expr GenLeaf(VType type)
    {
        var vars = _scope.Where(v => v.Type == type || (type == VType.U32 && v.Kind == VarKind.LoopIndex)).ToList();
        int kind = _rng.Weighted(25, vars.Count > 0 ? 45 : 0, type == VType.U32 ? 12 : 0, type == VType.U32 && _functionReturnType is null ? 8 : 0, 10);
        switch (kind)
        {
            case 0:
                return RandomConst(type);
            case 1:
                return new Ref(_rng.Pick(vars));
            case 2:
                return new BuiltinRef((Builtin)_rng.Weighted(50, 15, 10, 25));
            case 3:
                return new InputLoad(new BuiltinRef(_rng.Chance(50) ? Builtin.ThreadIdx : Builtin.GlobalId));
            default:
                var own = _sharedWritable.Where(a => a.Type == type).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
                if (own.Count > 0)
                {
                    var a = _rng.Pick(own);
                    return new OwnSlotLoad(a, _rng.Next(a.Slots));
                }
                return type == VType.U64 ? new Conversion(ConvKind.Zext64, GenLeaf(VType.U32)) : RandomConst(type);
        }
    }

    private Const RandomConst(VType type)
    {
        if (type == VType.U32)
        {
            return new Const(type, _rng.Weighted(50, 30, 20) switch { 0 => s_interesting32[_rng.Next(s_interesting32.Length)], 1 => (uint)_rng.Next(100), _ => _rng.NextU32() });
        }
        return new Const(type, _rng.Weighted(50, 20, 30) switch { 0 => s_interesting64[_rng.Next(s_interesting64.Length)], 1 => (ulong)_rng.Next(100), _ => _rng.NextU64() });
    }

    private Expr GenExpr(VType type, int depth)
    {
        if (depth <= 0 || _rng.Chance(25))
        {
            return GenLeaf(type);
        }
        var readable = _arrays.Concat(_sharedReadable).Where(a => a.Type == type).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var callable = _functions.Where(f => f.ReturnType == type).ToList();
        int kind = _rng.Weighted(
            40,                                  // 0 binary
            6,                                   // 1 unary
            8,                                   // 2 compare / logical
            7,                                   // 3 select
            8,                                   // 4 conversion
            type == VType.U32 && _functionReturnType is null ? 6 : 0, // 5 input load (kernel only)
            readable.Count > 0 ? 10 : 0,         // 6 array load
            callable.Count > 0 ? 6 : 0,          // 7 call
            5,                                   // 8 signed operation
            type == VType.U32 ? 5 : 0);          // 9 float round trip
        switch (kind)
        {
            case 0:
            {
                var op = (BinOp)_rng.Weighted(16, 12, 12, 10, 8, 12, 8, 8, 6, 6);
                return new Binary(op, GenExpr(type, depth - 1), GenExpr(type, depth - 1));
            }
            case 1:
            {
                var op = (UnOp)_rng.Weighted(50, 30, type == VType.U32 ? 20 : 0);
                return new Unary(op, GenExpr(type, depth - 1));
            }
            case 2 when type == VType.U32:
            {
                if (_rng.Chance(20))
                {
                    return new Logical(_rng.Chance(50), GenExpr(RandomIntType(), depth - 1), GenExpr(RandomIntType(), depth - 1));
                }
                var t = RandomIntType();
                return new Compare(_rng.Pick(Enum.GetValues<CmpOp>()), _rng.Chance(30), GenExpr(t, depth - 1), GenExpr(t, depth - 1));
            }
            case 2:
                return new Conversion(ConvKind.Zext64, GenExpr(VType.U32, depth - 1));
            case 3:
                return new Select(GenExpr(RandomIntType(), depth - 1), GenExpr(type, depth - 1), GenExpr(type, depth - 1));
            case 4:
            {
                if (type == VType.U64)
                {
                    return _rng.Weighted(40, 40, 20) switch
                    {
                        0 => new Conversion(ConvKind.Zext64, GenExpr(VType.U32, depth - 1)),
                        1 => new Conversion(ConvKind.Sext64, GenExpr(RandomIntType(), depth - 1)),
                        _ => new Conversion(ConvKind.ViaInt, GenExpr(VType.U64, depth - 1)),
                    };
                }
                var kindOf = (ConvKind)_rng.Weighted(30, 0, 0, 15, 15, 15, 15, 10);
                return new Conversion(kindOf, GenExpr(kindOf == ConvKind.Trunc32 ? VType.U64 : RandomIntType(), depth - 1));
            }
            case 5:
                return new InputLoad(GenExpr(VType.U32, depth - 1));
            case 6:
                return new ArrayLoad(_rng.Pick(readable), GenExpr(VType.U32, depth - 1));
            case 7:
            {
                var f = _rng.Pick(callable);
                return new Call(f, f.Params.Select(p => GenExpr(p.Type, depth - 1)).ToList());
            }
            case 8:
            {
                var op = (SignedOp)_rng.Weighted(30, 20, 20, 15, 15);
                return new Signed(op, GenExpr(type, depth - 1), GenExpr(type, depth - 1));
            }
            default:
                return _rng.Chance(70)
                    ? new FloatToInt(GenFloat(depth - 1, 1 << 24))
                    : new FloatCompare(_rng.Pick(Enum.GetValues<CmpOp>()), GenFloat(depth - 1, 1 << 24), GenFloat(depth - 1, 1 << 24));
        }
    }

    /// <summary>A float expression whose every intermediate value is an integer of magnitude at most <paramref name="bound"/>
    /// (≤ 2^24), so every operation is exact and contraction into fma cannot change the result.</summary>
    private Expr GenFloat(int depth, double bound)
    {
        if (depth <= 0 || bound < 8192 || _rng.Chance(30))
        {
            if (bound >= 4096 && _rng.Chance(80))
            {
                return new IntToFloat(GenExpr(RandomIntType(), Math.Max(0, depth - 1)), _rng.Chance(50));
            }
            return new FloatConst(_rng.Range(-(int)Math.Min(bound, 100), (int)Math.Min(bound, 100)));
        }
        int kind = _rng.Weighted(25, 25, 20, 10, 10, 10);
        switch (kind)
        {
            case 0:
            case 1:
                return new FloatBinary(kind == 0 ? FloatOp.Add : FloatOp.Sub, GenFloat(depth - 1, bound / 2), GenFloat(depth - 1, bound / 2));
            case 2:
            {
                // |a| ≤ 4096 and |b| ≤ bound / 4096.
                double other = bound / 4096;
                return other >= 1 ? new FloatBinary(FloatOp.Mul, GenFloat(depth - 1, 4096), GenFloat(depth - 1, other)) : GenFloat(depth - 1, bound);
            }
            case 3:
            case 4:
                return new FloatBinary(kind == 3 ? FloatOp.Min : FloatOp.Max, GenFloat(depth - 1, bound), GenFloat(depth - 1, bound));
            default:
                return new FloatAbs(GenFloat(depth - 1, bound));
        }
    }
}
