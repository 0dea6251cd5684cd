#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the Composio module.
.DESCRIPTION
    Run as `dotnet pwsh ./build.ps1 <Task>` after `dotnet tool restore`.
      Build  lays the module out in out/Composio/<version>/ exactly as it ships, the emulator in out/emulator/,
             and its launcher (for tools/EmulatorControl.psm1) in out/emulator-control/.
      Test   Build, then xunit, then Pester 5 against the built module; results in out/test-results/.
      Demo   Build, start the emulator, and walk the seed doc's examples, printing the objects.
      Bench  Build, then the benchmarks in bench/.
      Clean  removes out/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    # Pester: run only test files whose name matches (e.g. 'Lifecycle').
    [string] $PesterFilter = '*'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$version = (Import-PowerShellDataFile (Join-Path $root 'Composio.psd1')).ModuleVersion
$moduleDir = Join-Path $out "Composio/$version"
$results = Join-Path $out 'test-results'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    $staging = Join-Path $out 'staging'
    Remove-Item $staging, $moduleDir -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Native 'dotnet publish (module)' { dotnet publish (Join-Path $root 'src/Composio.PowerShell') -c $Configuration -o $staging --nologo -v quiet }
    Invoke-Native 'dotnet build (emulator)' { dotnet build (Join-Path $root 'src/Composio.Emulator') -c $Configuration -o (Join-Path $out 'emulator') --nologo -v quiet }
    # The emulator launcher that tools/EmulatorControl.psm1 loads (the xunit projects reference it).
    Invoke-Native 'dotnet build (emulator control)' { dotnet build (Join-Path $root 'tools/Composio.EmulatorControl') -c $Configuration --no-dependencies -o (Join-Path $out 'emulator-control') --nologo -v quiet }

    # The cmdlet assembly sits beside the manifest; everything it depends on goes to dependencies/,
    # where the module's resolver loads it into a private load context.
    $deps = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'dependencies')
    Copy-Item (Join-Path $root 'Composio.psd1') $moduleDir
    foreach ($file in Get-ChildItem $staging -File) {
        if ($file.BaseName -eq 'Composio.PowerShell') {
            if ($file.Extension -in '.dll', '.pdb') { Copy-Item $file.FullName $moduleDir }
        }
        elseif ($file.Extension -in '.dll', '.pdb') {
            Copy-Item $file.FullName $deps
        }
    }
    Copy-Item (Join-Path $root 'src/Composio.PowerShell/Formats/*.ps1xml') $moduleDir
    Build-Help
    Remove-Item $staging -Recurse -Force
    Write-Host "Built Composio $version in $moduleDir"
}

function Build-Help {
    $docs = Join-Path $root 'docs'
    $converter = Join-Path $root 'tools/ConvertTo-MamlHelp.ps1'
    if (Test-Path $converter) {
        $help = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'en-US')
        & $converter -DocsPath $docs -OutputPath $help
    }
}

# A child pwsh like this one: under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
function Invoke-Pwsh {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { & $exe (Join-Path $PSHOME 'pwsh.dll') @args }
    else { & $exe @args }
}

function Get-PesterModulePath {
    Invoke-Native 'restore Pester' { dotnet restore (Join-Path $root 'tools/Pester.Restore.csproj') --nologo -v quiet }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Get-ChildItem (Join-Path $packages.Trim() 'pester') -Filter Pester.psd1 -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $manifest) { throw 'Pester was not found in the NuGet packages folder after restore.' }
    $manifest.FullName
}

function Invoke-Test {
    Invoke-Build
    Remove-Item $results -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force $results | Out-Null
    $failed = $false

    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter *.csproj -Recurse) {
        $trx = "$($project.BaseName).trx"
        dotnet test $project.FullName -c $Configuration --nologo --logger "trx;LogFileName=$trx" --results-directory $results
        if ($LASTEXITCODE -ne 0) { $failed = $true }
    }

    # Pester runs in a fresh pwsh, so the module under test is loaded exactly as a user loads it.
    $pester = Get-PesterModulePath
    $script = {
        param($PesterPath, $TestPath, $ResultFile, $Filter)
        Import-Module $PesterPath -Force
        $config = New-PesterConfiguration
        $config.Run.Path = @(Get-ChildItem $TestPath -Filter "$Filter.Tests.ps1" | ForEach-Object FullName)
        $config.Run.Exit = $true
        $config.Output.Verbosity = 'Normal'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = $ResultFile
        Invoke-Pester -Configuration $config
    }
    Invoke-Pwsh -NoProfile -NonInteractive -Command $script -args $pester, (Join-Path $root 'tests/pester'), (Join-Path $results 'pester.xml'), $PesterFilter
    if ($LASTEXITCODE -ne 0) { $failed = $true }

    if ($failed) { throw 'Some tests failed (see above; results in out/test-results/).' }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Pwsh -NoProfile -NonInteractive -File (Join-Path $root 'demo/SeedExamples.ps1') -ModulePath (Join-Path $moduleDir 'Composio.psd1')
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

function Invoke-Bench {
    Invoke-Build
    Invoke-Pwsh -NoProfile -NonInteractive -File (Join-Path $root 'bench/Run-Benchmarks.ps1') -ModulePath (Join-Path $moduleDir 'Composio.psd1')
    if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Remove-Item $out -Recurse -Force -ErrorAction SilentlyContinue }
}
