namespace ByteChip.Differential.Tests.Generator;

/// <summary>Value types of generated programs: unsigned 32/64-bit integers, and floats holding small exact integers.</summary>
public enum VType { U32, U64, F32 }

/// <summary>Where a variable lives: per-thread kernel state (kept across barriers; an array indexed by tid in C),
/// a local of one phase or function, a loop index (an <c>int</c>), a helper parameter, or the kernel's scalar parameter.</summary>
public enum VarKind { Thread, Local, LoopIndex, FunctionParam, KernelParam }

public sealed record Var(string Name, VType Type, VarKind Kind);

/// <summary>A local array (length a power of two) or a <c>__shared__</c> array of <c>Slots</c> × BLOCK elements.</summary>
public sealed record ArrayVar(string Name, VType Type, int Length, bool Shared, int Slots = 1);

public enum Builtin { ThreadIdx, BlockIdx, BlockDim, GlobalId }

public enum UnOp { Not, Neg, LogicalNot }

public enum BinOp { Add, Sub, Mul, And, Or, Xor, Shl, Shr, Div, Rem }

public enum CmpOp { Lt, Le, Gt, Ge, Eq, Ne }

/// <summary>Signed operations that are defined in both languages: arithmetic shift right, division and
/// remainder by a positive divisor, minimum and maximum.</summary>
public enum SignedOp { Shr, Div, Rem, Min, Max }

/// <summary>Conversions; the integer ones always come back to an unsigned type.</summary>
public enum ConvKind { Trunc32, Zext64, Sext64, I8, U8, I16, U16, ViaInt }

public enum FloatOp { Add, Sub, Mul, Min, Max }

public abstract record Expr(VType Type);

public sealed record Const(VType Type, ulong Value) : Expr(Type);

public sealed record Ref(Var Var) : Expr(Var.Type);

public sealed record BuiltinRef(Builtin Which) : Expr(VType.U32);

/// <summary><c>in[index % NIN]</c>.</summary>
public sealed record InputLoad(Expr Index) : Expr(VType.U32);

/// <summary><c>a[index % length]</c>: a local array, or a shared array in a phase that only reads it.</summary>
public sealed record ArrayLoad(ArrayVar Array, Expr Index) : Expr(Array.Type);

/// <summary><c>sh[threadIdx.x + slot * BLOCK]</c>: the thread's own slot of a shared array.</summary>
public sealed record OwnSlotLoad(ArrayVar Array, int Slot) : Expr(Array.Type);

public sealed record Unary(UnOp Op, Expr A) : Expr(Op == UnOp.LogicalNot ? VType.U32 : A.Type);

public sealed record Binary(BinOp Op, Expr A, Expr B) : Expr(A.Type);

public sealed record Compare(CmpOp Op, bool Signed, Expr A, Expr B) : Expr(VType.U32);

public sealed record Logical(bool And, Expr A, Expr B) : Expr(VType.U32);

public sealed record Signed(SignedOp Op, Expr A, Expr B) : Expr(A.Type);

public sealed record Select(Expr Cond, Expr A, Expr B) : Expr(A.Type);

public sealed record Conversion(ConvKind Kind, Expr A) : Expr(Kind is ConvKind.Zext64 or ConvKind.Sext64 ? VType.U64 : A.Type == VType.U64 && Kind == ConvKind.ViaInt ? VType.U64 : VType.U32);

public sealed record Call(Function Function, IReadOnlyList<Expr> Args) : Expr(Function.ReturnType);

/// <summary><c>(float)(int)(a &amp; 0xfff) - 2048</c> style: a float holding an exact small integer.</summary>
public sealed record IntToFloat(Expr A, bool Centered) : Expr(VType.F32);

public sealed record FloatConst(int Value) : Expr(VType.F32);

public sealed record FloatBinary(FloatOp Op, Expr A, Expr B) : Expr(VType.F32);

public sealed record FloatAbs(Expr A) : Expr(VType.F32);

/// <summary><c>(unsigned)(int)f</c>.</summary>
public sealed record FloatToInt(Expr A) : Expr(VType.U32);

public sealed record FloatCompare(CmpOp Op, Expr A, Expr B) : Expr(VType.U32);

public abstract record LValue(VType Type);

public sealed record VarTarget(Var Var) : LValue(Var.Type);

public sealed record ArrayTarget(ArrayVar Array, Expr Index) : LValue(Array.Type);

public sealed record OwnSlotTarget(ArrayVar Array, int Slot) : LValue(Array.Type);

/// <summary><c>out[gid * NOUT + index % NOUT]</c>.</summary>
public sealed record OutTarget(Expr Index) : LValue(VType.U32);

public enum AssignOp { Set, Add, Sub, Mul, Xor, Or, And }

public abstract record Stmt;

public sealed record Block(IReadOnlyList<Stmt> Body) : Stmt;

public sealed record Assign(LValue Target, AssignOp Op, Expr Value) : Stmt;

public sealed record Decl(Var Var, Expr Init) : Stmt;

/// <summary>A local array filled by a loop: <c>a[i] = init(i)</c>.</summary>
public sealed record ArrayDecl(ArrayVar Array, Var Index, Expr Init) : Stmt;

/// <summary>Every thread fills its own slots of a shared array (phase 0; never removed by the reducer).</summary>
public sealed record SharedInit(ArrayVar Array, Expr Value) : Stmt;

public sealed record If(Expr Cond, Block Then, Block? Else) : Stmt;

/// <summary><c>for (int i = 0; i &lt; bound; i++)</c> with a constant bound or <c>(int)(e &amp; 7)</c>.</summary>
public sealed record For(Var Index, int ConstBound, Expr? Bound, Block Body) : Stmt;

/// <summary><c>int c = 0; while (c &lt; limit) { c++; ... }</c> or the do-while form.</summary>
public sealed record While(Var Counter, int Limit, bool DoWhile, Block Body) : Stmt;

public sealed record Break : Stmt;

public sealed record Continue : Stmt;

public sealed record Return(Expr? Value) : Stmt;

public sealed record SwitchCase(IReadOnlyList<int> Labels, bool IsDefault, Block Body, bool EndsWithBreak);

public sealed record SwitchStmt(Expr Value, IReadOnlyList<SwitchCase> Cases) : Stmt;

public sealed record Function(string Name, VType ReturnType, IReadOnlyList<Var> Params, Block Body, Expr Result, bool NoInline);

/// <summary>A generated kernel: phases separated by <c>__syncthreads()</c>, run as <c>Grid</c> blocks of <c>BlockSize</c> threads.</summary>
public sealed record Program(
    ulong Seed,
    int Grid,
    int BlockSize,
    IReadOnlyList<uint> Input,
    uint Scalar,
    IReadOnlyList<ArrayVar> SharedArrays,
    IReadOnlyList<Var> ThreadVars,
    IReadOnlyList<Function> Functions,
    IReadOnlyList<Block> Phases)
{
    public const int InputLength = 64;
    public const int OutputsPerThread = 8;
    public const string KernelName = "k";

    public int OutputLength => Grid * BlockSize * OutputsPerThread;
}
