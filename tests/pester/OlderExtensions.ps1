# Another module that ships Microsoft.Extensions.* 8.0 and loads them into the default load
# context, as many modules do. Composio must work whether that module was imported first or after.
# Needs UserHome.ps1 and Common.ps1 ($RepoRoot).

$script:OlderExtensionNames = @(
    'Primitives', 'DependencyInjection.Abstractions', 'DependencyInjection', 'Logging.Abstractions',
    'Logging', 'Options', 'Configuration.Abstractions', 'Http'
)

# Writes the module OlderExtensions into a modules folder; its 8.0 assemblies come from NuGet
# (tools/OlderExtensions.Restore.csproj).
function New-OlderExtensionsModule([Parameter(Mandatory)] [string] $ModulesPath) {
    dotnet restore (Join-Path $RepoRoot 'tools/OlderExtensions.Restore.csproj') --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Restoring Microsoft.Extensions.* 8.0 failed (exit code $LASTEXITCODE)." }
    $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $dir = New-Item -ItemType Directory -Force (Join-Path $ModulesPath 'OlderExtensions')
    foreach ($name in $script:OlderExtensionNames) {
        Copy-Item (Join-Path $packages "microsoft.extensions.$($name.ToLowerInvariant())/8.0.0/lib/net8.0/Microsoft.Extensions.$name.dll") $dir
    }
    Set-Content (Join-Path $dir 'OlderExtensions.psm1') @'
foreach ($dll in Get-ChildItem $PSScriptRoot -Filter *.dll) { Add-Type -Path $dll.FullName }

# Uses them as a module built on Microsoft.Extensions would: a service provider with logging.
function Use-OlderExtensions {
    $services = [Microsoft.Extensions.DependencyInjection.ServiceCollection]::new()
    [Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions]::AddLogging($services) | Out-Null
    $provider = [Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions]::BuildServiceProvider($services)
    $provider.GetService([Microsoft.Extensions.Logging.ILoggerFactory]).CreateLogger('older').GetType().Assembly.GetName().Version.ToString()
}
'@
}

# The script a user runs: both modules in the given order, Composio used against the emulator
# (the environment holds its key and URI) after each import, and which Microsoft.Extensions.*
# assemblies ended up in which load context.
function Get-OlderExtensionsScript([Parameter(Mandatory)] [string] $Composio, [ValidateSet('OlderFirst', 'OlderAfter')] [string] $Order) {
    $useComposio = @'
function Use-Composio([string] $Name) {
    Connect-Composio | Out-Null
    'toolkit:' + (Get-ComposioToolkit github).Slug
    $created = New-ComposioAuthConfig -Toolkit github -Name $Name
    'read:' + (Get-ComposioAuthConfig -Id $created.Id).Name
}
'@
    $older = "Import-Module OlderExtensions; 'older:' + (Use-OlderExtensions)"
    $module = "Import-Module $(ConvertTo-Literal $Composio)"
    $steps = if ($Order -eq 'OlderFirst') { $older, $module, "Use-Composio 'after-older'" }
    else { $module, "Use-Composio 'before-older'", $older, "Use-Composio 'after-older'" }
    $report = @'
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'Microsoft.Extensions.*' } |
    ForEach-Object { 'asm:{0}|{1}|{2}' -f $_.GetName().Name, $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
'@
    (@($useComposio) + $steps + $report) -join "`n"
}

# What both orders must show: the older module worked, Composio worked after it, and each kept
# its own copies (8.0 in the default context, ours in the module's context).
function Assert-OlderExtensionsResult([Parameter(Mandatory)] [string[]] $Output) {
    $Output | Should -Contain 'older:8.0.0.0'
    $Output | Should -Contain 'read:after-older'
    @($Output | Where-Object { $_ -eq 'toolkit:github' }).Count | Should -BeGreaterThan 0
    $assemblies = @($Output | Where-Object { $_ -like 'asm:*' } | ForEach-Object {
            $name, $version, $context = $_.Substring(4) -split '\|'
            [pscustomobject]@{ Name = $name; Version = [version]$version; Context = $context }
        })
    $default = @($assemblies | Where-Object Context -eq 'Default')
    $ours = @($assemblies | Where-Object Context -eq 'Composio')
    $default.Count | Should -Be $script:OlderExtensionNames.Count -Because 'the other module loaded all its 8.0 assemblies'
    $default | Where-Object { $_.Version.Major -ne 8 } | Should -BeNullOrEmpty
    $ours.Name | Should -Contain 'Microsoft.Extensions.Http'
    $ours | Where-Object { $_.Version.Major -lt 10 } | Should -BeNullOrEmpty
}
