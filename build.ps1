#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, demonstrates and packs the ByteChip toolchain.

.DESCRIPTION
    Cross-platform PowerShell 7 build script. PowerShell itself is pinned as a dotnet local tool
    (.config/dotnet-tools.json), so on a machine with only the .NET SDK:

        dotnet tool restore
        dotnet pwsh ./build.ps1 all      # set up, build, test, run the demo
        dotnet pwsh ./build.ps1 test     # run every test (what .ci/run calls)

    Actions (first positional parameter, default 'build'):
        setup   check the .NET 10 SDK and LLVM 19 (installs libllvm19 with apt on Debian/Ubuntu as root,
                otherwise prints the install step), restore the dotnet tools and the solution's packages
        build   dotnet build ByteChip.Toolchain.sln -c <Configuration>
        test    dotnet test ByteChip.Toolchain.sln -c <Configuration> [--filter <Filter>]; prints a final
                'N passed, N failed' line and exits with dotnet test's exit code
        demo    the main job: assemble samples/asm/saxpy.s, show it with bcobjdump, run it with bcrun
                when the device model is ready
        pack    dotnet pack of the packable projects into out/packages
        all     setup, build, test, demo
        help    this text

.PARAMETER Action
    One of: setup, build, test, demo, pack, all, help.

.PARAMETER Configuration
    Build configuration for build, test, demo and pack (default Release).

.PARAMETER Filter
    A 'dotnet test --filter' expression for the test action, for example 'FullyQualifiedName~Tools'.

.EXAMPLE
    dotnet pwsh ./build.ps1 test -Filter 'FullyQualifiedName~ByteChip.Tools.Tests'
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [string]$Action = 'build',

    [string]$Configuration = 'Release',

    [string]$Filter = '',

    [switch]$Help
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:Root = $PSScriptRoot
# The "N passed, N failed" line of the test action, repeated as the script's very last output line.
$script:TestSummary = $null
$script:Solution = Join-Path $script:Root 'ByteChip.Toolchain.sln'
$script:OutDir = Join-Path $script:Root 'out'
$script:Actions = [ordered]@{
    setup = 'check the .NET 10 SDK and LLVM 19 (apt-get install libllvm19 on Debian/Ubuntu as root), restore tools and packages'
    build = 'dotnet build ByteChip.Toolchain.sln -c <Configuration> (default Release)'
    test  = 'dotnet test ByteChip.Toolchain.sln [-Filter <expr>]; prints "N passed, N failed"; exit code propagated'
    demo  = 'the main job: assemble samples/asm/saxpy.s with bcas, show it with bcobjdump, run it with bcrun when ready'
    pack  = 'dotnet pack of the packable projects into out/packages'
    all   = 'setup, build, test, demo'
    help  = 'show this text'
}

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# ---------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------

function Show-Help {
    Write-Host 'Usage: dotnet pwsh ./build.ps1 [action] [-Configuration Release|Debug] [-Filter <expr>] [-Help]'
    Write-Host ''
    Write-Host 'Actions (default: build):'
    foreach ($name in $script:Actions.Keys) {
        Write-Host ('  {0,-6} {1}' -f $name, $script:Actions[$name])
    }
    Write-Host ''
    Write-Host 'A fresh machine with the .NET SDK: dotnet tool restore && dotnet pwsh ./build.ps1 all'
    Write-Host 'All tests:                        dotnet pwsh ./build.ps1 test'
    Write-Host 'LLVM location override:           BYTECHIP_LLVM_PATH=<library file or folder>'
}

function Write-Step([string]$Text) {
    Write-Host ''
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Write-Note([string]$Text) {
    Write-Host "    $Text" -ForegroundColor DarkGray
}

# Runs an external program, echoing it first; throws when its exit code is not 0.
function Invoke-Native {
    param(
        [Parameter(Mandatory)][string]$FilePath,
        [string[]]$Arguments = @()
    )
    Write-Host "> $FilePath $($Arguments -join ' ')" -ForegroundColor DarkGray
    # Out-Host: the program's output is shown, never returned as the caller's function output.
    & $FilePath @Arguments | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $code"
    }
}

# Runs an external program and returns its exit code and its combined output, without throwing.
function Invoke-NativeCapture {
    param(
        [Parameter(Mandatory)][string]$FilePath,
        [string[]]$Arguments = @()
    )
    $lines = @(& $FilePath @Arguments 2>&1 | ForEach-Object { "$_" })
    return [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($lines -join [Environment]::NewLine) }
}

function Test-Command([string]$Name) {
    return $null -ne (Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue)
}

function Test-IsRoot {
    if (-not ($IsLinux -or $IsMacOS)) { return $false }
    $id = Invoke-NativeCapture 'id' @('-u')
    return $id.ExitCode -eq 0 -and $id.Output.Trim() -eq '0'
}

function Test-IsDebianLike {
    if (-not $IsLinux) { return $false }
    if (Test-Path '/etc/debian_version') { return $true }
    if (Test-Path '/etc/os-release') {
        $osRelease = Get-Content '/etc/os-release' -Raw
        return $osRelease -match '(?m)^ID(_LIKE)?=.*\b(debian|ubuntu)\b'
    }
    return $false
}

# ---------------------------------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------------------------------

function Get-LlvmLibraryName {
    if ($IsWindows) { return 'LLVM-C.dll' }
    if ($IsMacOS) { return 'libLLVM.dylib' }
    return 'libLLVM.so.19.1'
}

# The LLVM 19 shared library the toolchain will load, or $null. Same places the runtime resolver looks.
function Find-Llvm19 {
    $name = Get-LlvmLibraryName
    $candidates = [System.Collections.Generic.List[string]]::new()
    if ($env:BYTECHIP_LLVM_PATH) {
        if (Test-Path $env:BYTECHIP_LLVM_PATH -PathType Container) {
            $candidates.Add((Join-Path $env:BYTECHIP_LLVM_PATH $name))
        } else {
            $candidates.Add($env:BYTECHIP_LLVM_PATH)
        }
    }
    if ($IsLinux) {
        $candidates.Add("/usr/lib/x86_64-linux-gnu/$name")
        $candidates.Add("/usr/lib/llvm-19/lib/$name")
        foreach ($dir in @(Get-ChildItem '/usr/lib' -Directory -Filter '*-linux-gnu' -ErrorAction SilentlyContinue)) {
            $candidates.Add((Join-Path $dir.FullName $name))
        }
    } elseif ($IsMacOS) {
        $candidates.Add("/opt/homebrew/opt/llvm@19/lib/$name")
        $candidates.Add("/usr/local/opt/llvm@19/lib/$name")
    } elseif ($IsWindows) {
        if ($env:ProgramFiles) { $candidates.Add((Join-Path $env:ProgramFiles "LLVM\bin\$name")) }
    }
    foreach ($path in $candidates) {
        if (Test-Path $path -PathType Leaf) { return $path }
    }
    return $null
}

function Get-LlvmInstallHint {
    if ($IsMacOS) {
        return 'brew install llvm@19   (then, if needed: export BYTECHIP_LLVM_PATH=$(brew --prefix llvm@19)/lib/libLLVM.dylib)'
    }
    if ($IsWindows) {
        return 'install LLVM 19 for Windows with the official LLVM 19.1.x win64 installer (or: winget install LLVM.LLVM --version 19.1.7); it provides C:\Program Files\LLVM\bin\LLVM-C.dll. Elsewhere: set BYTECHIP_LLVM_PATH to LLVM-C.dll'
    }
    if (Test-IsDebianLike) {
        return 'sudo apt-get update && sudo apt-get install -y libllvm19   (as root: run "dotnet pwsh ./build.ps1 setup", which installs it)'
    }
    return 'install the LLVM 19 shared library (libLLVM.so.19.1) with your distribution''s package manager (Fedora: sudo dnf install llvm19-libs), then set BYTECHIP_LLVM_PATH to the file if it is not in /usr/lib/llvm-19/lib'
}

function Assert-DotnetSdk {
    Write-Step 'Checking the .NET SDK (10.x)'
    if (-not (Test-Command 'dotnet')) {
        throw '.NET SDK not found: install the .NET 10 SDK (see the .NET install instructions for your platform) and put dotnet on PATH'
    }
    $sdks = Invoke-NativeCapture 'dotnet' @('--list-sdks')
    if ($sdks.ExitCode -ne 0) {
        throw "'dotnet --list-sdks' failed with exit code $($sdks.ExitCode): $($sdks.Output)"
    }
    $ten = @($sdks.Output -split "`r?`n" | Where-Object { $_ -match '^10\.' })
    if ($ten.Count -eq 0) {
        throw ".NET 10 SDK not found (installed: $(($sdks.Output -split "`r?`n" | ForEach-Object { ($_ -split ' ')[0] }) -join ', ')); install the .NET 10 SDK"
    }
    Write-Note "dotnet SDK $(($ten[-1] -split ' ')[0])"
}

function Invoke-Setup {
    Assert-DotnetSdk

    Write-Step 'Checking LLVM 19'
    $llvm = Find-Llvm19
    $packages = [System.Collections.Generic.List[string]]::new()
    if (-not $llvm) { $packages.Add('libllvm19') }
    if ($IsLinux -and -not (Test-Command 'readelf')) { $packages.Add('binutils') }
    # A C toolchain links the NativeAOT bytechipcc that 'dotnet pack' puts in ByteChip.Build, and is the
    # differential test's reference compiler.
    if ($IsLinux -and -not (Test-Command 'gcc') -and -not (Test-Command 'clang')) { $packages.Add('gcc') }
    if ($packages.Count -gt 0) {
        if ((Test-IsDebianLike) -and (Test-IsRoot) -and (Test-Command 'apt-get')) {
            Write-Note "installing $($packages -join ', ') with apt-get"
            $env:DEBIAN_FRONTEND = 'noninteractive'
            Invoke-Native 'apt-get' @('update')
            Invoke-Native 'apt-get' (@('install', '-y', '--no-install-recommends') + $packages)
            $llvm = Find-Llvm19
        } elseif (-not $llvm) {
            throw "LLVM 19 not found ($(Get-LlvmLibraryName) is not in the usual places nor at BYTECHIP_LLVM_PATH). Install it: $(Get-LlvmInstallHint)"
        } else {
            Write-Warning "not installed: $($packages -join ', ') (readelf checks are skipped without binutils; without gcc, pack with -p:ByteChipPackNativeCompiler=false)"
        }
    }
    if (-not $llvm) {
        throw "LLVM 19 still not found after installing libllvm19. Install it: $(Get-LlvmInstallHint)"
    }
    Write-Note "LLVM 19: $llvm"

    Write-Step 'Restoring dotnet tools and packages'
    Invoke-Native 'dotnet' @('tool', 'restore')
    Invoke-Native 'dotnet' @('restore', $script:Solution)
}

# ---------------------------------------------------------------------------------------------------
# build, test, pack
# ---------------------------------------------------------------------------------------------------

function Invoke-Build {
    Write-Step "Building ByteChip.Toolchain.sln ($Configuration)"
    Invoke-Native 'dotnet' @('build', $script:Solution, '-c', $Configuration, '-nologo')
}

# Runs dotnet test on the solution, echoing its output, and returns its exit code. Sums the per-assembly
# result lines ("Passed!  - Failed: 0, Passed: 445, Skipped: 0, Total: 445, ...") into one final
# plain "N passed, N failed" line.
function Invoke-Test {
    Write-Step "Testing ByteChip.Toolchain.sln ($Configuration)"
    $arguments = @('test', $script:Solution, '-c', $Configuration, '-nologo')
    if ($Filter) { $arguments += @('--filter', $Filter) }
    Write-Host "> dotnet $($arguments -join ' ')" -ForegroundColor DarkGray

    $totals = @{ Passed = 0; Failed = 0; Skipped = 0; Assemblies = 0 }
    $vstest = '^\s*(?:Passed|Failed)!\s*-\s*Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total:\s*(\d+)'
    $testingPlatform = '^\s*Test summary:\s*total:\s*(\d+),\s*failed:\s*(\d+),\s*succeeded:\s*(\d+),\s*skipped:\s*(\d+)'
    & dotnet @arguments 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        $plain = $line -replace "`e\[[0-9;]*[A-Za-z]", ''
        if ($plain -match $vstest) {
            $totals.Failed += [int]$Matches[1]; $totals.Passed += [int]$Matches[2]; $totals.Skipped += [int]$Matches[3]; $totals.Assemblies++
        } elseif ($plain -match $testingPlatform) {
            $totals.Failed += [int]$Matches[2]; $totals.Passed += [int]$Matches[3]; $totals.Skipped += [int]$Matches[4]; $totals.Assemblies++
        }
    }
    $code = $LASTEXITCODE

    Write-Host ''
    if ($totals.Assemblies -eq 0) {
        Write-Host "test: no test results were reported (dotnet test exit code $code; did the build fail?)" -ForegroundColor Red
        if ($code -eq 0) { $code = 1 }
    } else {
        Write-Note "$($totals.Assemblies) test assemblies, dotnet test exit code $code"
        if ($code -ne 0 -and $totals.Failed -eq 0) {
            Write-Host "test: dotnet test failed (exit code $code) although no test failed: a test project did not build or a test host crashed (see above)" -ForegroundColor Red
        }
        $summary = "$($totals.Passed) passed, $($totals.Failed) failed"
        if ($totals.Skipped -gt 0) { $summary += ", $($totals.Skipped) skipped" }
        if ($Action -ne 'test') { Write-Host $summary } # 'test' ends with it anyway
        $script:TestSummary = $summary
    }
    return $code
}

function Invoke-Pack {
    $packages = Join-Path $script:OutDir 'packages'
    Write-Step "Packing into $packages"
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    # PackageOutputPath rather than -o: '-o' is not supported for a solution.
    Invoke-Native 'dotnet' @('pack', $script:Solution, '-c', $Configuration, '-nologo', "-p:PackageOutputPath=$packages")
    Get-ChildItem $packages -Filter '*.nupkg' | ForEach-Object { Write-Note $_.Name }
}

# ---------------------------------------------------------------------------------------------------
# demo
# ---------------------------------------------------------------------------------------------------

# Builds one tool project and returns the path of its dll (run with 'dotnet <dll>').
function Build-Tool([string]$Name) {
    $project = Join-Path $script:Root "tools/$Name/$Name.csproj"
    Invoke-Native 'dotnet' @('build', $project, '-c', $Configuration, '-nologo', '-v', 'quiet')
    return Get-ToolPath $Name
}

function Get-ToolPath([string]$Name) {
    $project = Join-Path $script:Root "tools/$Name/$Name.csproj"
    $query = Invoke-NativeCapture 'dotnet' @('msbuild', $project, '-nologo', '-getProperty:TargetPath', "-p:Configuration=$Configuration")
    $path = ($query.Output -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -Last 1)
    if ($query.ExitCode -ne 0 -or -not $path) {
        throw "cannot find the output of tools/$Name (exit code $($query.ExitCode)): $($query.Output)"
    }
    return $path.Trim()
}

# Reads a little-endian float32 or int32 .npy file written by bcrun. Returns the values as doubles.
function Read-Npy([string]$Path) {
    $bytes = [IO.File]::ReadAllBytes($Path)
    if ($bytes.Length -lt 10 -or $bytes[0] -ne 0x93 -or [Text.Encoding]::ASCII.GetString($bytes, 1, 5) -ne 'NUMPY') {
        throw "$Path is not an .npy file"
    }
    $major = $bytes[6]
    if ($major -eq 1) { $headerLength = [BitConverter]::ToUInt16($bytes, 8); $start = 10 }
    else { $headerLength = [BitConverter]::ToUInt32($bytes, 8); $start = 12 }
    $header = [Text.Encoding]::ASCII.GetString($bytes, $start, $headerLength)
    $data = $start + $headerLength
    $count = [int](($bytes.Length - $data) / 4)
    $isFloat = $header -match "'descr':\s*'<f4'"
    if (-not $isFloat -and $header -notmatch "'descr':\s*'<i4'") { throw "$Path holds neither float32 nor int32 data: $header" }
    $values = [double[]]::new($count)
    for ($i = 0; $i -lt $count; $i++) {
        if ($isFloat) { $values[$i] = [BitConverter]::ToSingle($bytes, $data + 4 * $i) }
        else { $values[$i] = [BitConverter]::ToInt32($bytes, $data + 4 * $i) }
    }
    return , $values
}

# ===================================================================================================
# THE MAIN JOB (demo): compile samples/VectorAdd/kernel.cu with bytechipcc, show its assembly and resource
# usage, run it on the device model with bcrun and check every element, then run the sample's host program.
# ===================================================================================================
function Invoke-DemoJob {
    $demo = Join-Path $script:OutDir 'demo'
    New-Item -ItemType Directory -Force -Path $demo | Out-Null

    Write-Step "Building the tools ($Configuration)"
    $bytechipcc = Build-Tool 'bytechipcc'
    $bcrun = Build-Tool 'bcrun'

    # --- 1. Compile the VectorAdd sample's CUDA kernel with bytechipcc and show its assembly ---
    $source = Join-Path $script:Root 'samples/VectorAdd/kernel.cu'
    $binary = Join-Path $demo 'vector_add.bcbin'
    $assembly = Join-Path $demo 'vector_add.s'
    Write-Step 'Compiling samples/VectorAdd/kernel.cu for n4 at -O2 (bytechipcc)'
    Invoke-Native 'dotnet' @($bytechipcc, $source, '-o', $binary, '--arch', 'n4', '-O2', '--resource-usage')
    Write-Note "$binary ($((Get-Item $binary).Length) bytes)"

    # --- 2. Show it: the assembly with source lines (bytechipcc -S; bcobjdump -d shows the same from the binary) ---
    Write-Step 'bytechipcc -S: the ByteChip assembly of vector_add, with source lines'
    Invoke-Native 'dotnet' @($bytechipcc, $source, '-S', '-o', $assembly, '--arch', 'n4', '-O2')
    $text = Get-Content -Path $assembly
    $end = [Array]::FindIndex([string[]]$text, [Predicate[string]] { param($line) $line -match '^\s*\.end\b' })
    ($(if ($end -ge 0) { $text[0..$end] } else { $text })) | Out-Host

    # --- 3. Run it on the device model (bcrun) and check every element ---
    # a and b are seeded random floats in [1, 2): their exact sum has at most 25 significant bits, so the
    # double sum below is exact and its rounding to float32 is the correctly rounded float32 sum the kernel
    # must produce.
    $n = 10007
    $threads = 256
    $launch = [ordered]@{
        module   = 'vector_add.bcbin'
        buffers  = [ordered]@{
            a = [ordered]@{ type = 'f32'; count = $n; init = [ordered]@{ fill = 'random'; seed = 1; min = 1; max = 2 } }
            b = [ordered]@{ type = 'f32'; count = $n; init = [ordered]@{ fill = 'random'; seed = 2; min = 1; max = 2 } }
            c = [ordered]@{ type = 'f32'; count = $n; init = [ordered]@{ fill = 'zeros' } }
        }
        launches = @(
            [ordered]@{
                kernel      = 'vector_add'
                grid        = [int][Math]::Ceiling($n / $threads)
                block       = $threads
                sharedBytes = 0
                args        = @([ordered]@{ buffer = 'a' }, [ordered]@{ buffer = 'b' }, [ordered]@{ buffer = 'c' }, [ordered]@{ i32 = $n })
            }
        )
        outputs  = @('a', 'b', 'c')
    }
    $launchFile = Join-Path $demo 'vector_add.launch.json'
    $launch | ConvertTo-Json -Depth 8 | Set-Content -Path $launchFile -Encoding utf8
    $results = Join-Path $demo 'results'
    Write-Step 'Running vector_add on the device model (bcrun)'
    Write-Note "launch description: $launchFile"
    Invoke-Native 'dotnet' @($bcrun, $launchFile, '--out', $results, '--stats')

    $a = Read-Npy (Join-Path $results 'a.npy')
    $b = Read-Npy (Join-Path $results 'b.npy')
    $c = Read-Npy (Join-Path $results 'c.npy')
    if ($c.Length -ne $n) { throw "vector_add result has $($c.Length) elements, expected $n" }
    for ($i = 0; $i -lt $n; $i++) {
        $expected = [double][float]($a[$i] + $b[$i])
        if ($c[$i] -ne $expected) { throw "vector_add result c[$i] = $($c[$i]), expected $expected" }
    }
    Write-Host "vector_add on the device model (bcrun): all $n results match the reference" -ForegroundColor Green

    # --- 4. The same sample through its C# host program (runtime API, compiles the kernel at startup) ---
    Write-Step "Running the VectorAdd sample program on n5 ($Configuration)"
    $project = Join-Path $script:Root 'samples/VectorAdd'
    Invoke-Native 'dotnet' @('build', $project, '-c', $Configuration, '-nologo', '-v', 'quiet')
    $program = Join-Path $project "bin/$Configuration/net10.0/VectorAdd.dll"
    if (-not (Test-Path $program)) { throw "the VectorAdd sample program is not at $program" }
    Invoke-Native 'dotnet' @($program, '--arch', 'n5', '-O2')
    Write-Host 'VectorAdd sample: PASSED on the device model' -ForegroundColor Green
}

# ---------------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------------

if ($Help -or $Action -in @('help', '-h', '--help', '/?')) {
    Show-Help
    exit 0
}
$Action = $Action.ToLowerInvariant()
if (-not $script:Actions.Contains($Action)) {
    Write-Host "build.ps1: error: unknown action '$Action'" -ForegroundColor Red
    Show-Help
    exit 2
}

$watch = [Diagnostics.Stopwatch]::StartNew()
$exitCode = 0
Push-Location $script:Root
try {
    switch ($Action) {
        'setup' { Invoke-Setup }
        'build' { Invoke-Build }
        'test' { $exitCode = Invoke-Test }
        'demo' { Invoke-DemoJob }
        'pack' { Invoke-Pack }
        'all' {
            Invoke-Setup
            Invoke-Build
            $exitCode = Invoke-Test
            if ($exitCode -ne 0) { throw "tests failed (dotnet test exit code $exitCode)" }
            Invoke-DemoJob
        }
    }
} catch {
    Write-Host ''
    Write-Host "build.ps1 ${Action}: error: $($_.Exception.Message)" -ForegroundColor Red
    if ($exitCode -eq 0) { $exitCode = 1 }
} finally {
    Pop-Location
}
$status = if ($exitCode -eq 0) { 'succeeded' } else { "failed (exit code $exitCode)" }
Write-Host "build.ps1 $Action $status in $([Math]::Round($watch.Elapsed.TotalSeconds, 1)) s"
if ($script:TestSummary) {
    Write-Host $script:TestSummary
}
exit $exitCode
