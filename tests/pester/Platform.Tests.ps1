# What differs between PowerShell 7 and Windows PowerShell 5.1 (.NET Framework), in two halves:
# - tagged 'Host': the module in the PowerShell that hosts it (`build.ps1 Test -TestHost`; here a
#   pwsh like this one, in the public CI matrix also Windows PowerShell 5.1). Their scripts must be
#   valid Windows PowerShell 5.1.
# - the rest: the Framework path of the one seam (Loading/RuntimeFacts, Loading/DependencyFolder)
#   forced here, on PowerShell 7, in a child pwsh.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'UserHome.ps1')
    . (Join-Path $PSScriptRoot 'OlderExtensions.ps1')

    # What the module under test's host reports about itself and where the client came from.
    $HostFacts = @'
'edition:' + $PSVersionTable.PSEdition
$client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Composio.Client' }
'client:' + $client.Location
$alc = [Type]::GetType('System.Runtime.Loader.AssemblyLoadContext')
if ($alc) { 'context:' + $alc.GetMethod('GetLoadContext').Invoke($null, [object[]]@([Reflection.Assembly]$client)).Name }
'tls12:' + [bool]([Net.ServicePointManager]::SecurityProtocol -band [Net.SecurityProtocolType]::Tls12)
'protocols:' + [int][Net.ServicePointManager]::SecurityProtocol
'connections:' + [Net.ServicePointManager]::DefaultConnectionLimit
'@

    # A child pwsh with the module imported and the seam's internal types at hand.
    $Reflect = @'
$asm = (Get-Module Composio).ImplementingAssembly
$factsType = $asm.GetType('Composio.PowerShell.Loading.RuntimeFacts', $true)
$folderType = $asm.GetType('Composio.PowerShell.Loading.DependencyFolder', $true)
$flags = [Reflection.BindingFlags]'Instance,Public,NonPublic'
function New-Facts([bool] $HasLoadContexts) { [Activator]::CreateInstance($factsType, $flags, $null, @($HasLoadContexts), $null) }
function Invoke-Member($Target, [string] $Name, [object[]] $Arguments = @()) { $Target.GetType().GetMethod($Name, $flags).Invoke($Target, $Arguments) }

'@
}

Describe 'The module in its host' -Tag Host {
    BeforeAll {
        $emulator = Start-ComposioEmulator
        $userHome = New-TestUserHome 'module host'
        $environment = Get-EmulatorEnvironment $emulator
        $import = "Import-Module $(ConvertTo-Literal $ModuleManifest)`n"
        $edition = (Invoke-UserPwsh $userHome '$PSVersionTable.PSEdition' -ModuleHost).Output | Select-Object -Last 1
    }
    AfterAll {
        if ($emulator) { $emulator | Stop-ComposioEmulator }
        Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'imports, creates, reads, lists and removes against the emulator, with the client from dependencies/' {
        $script = $import + @'
Connect-Composio | Out-Null
$created = New-ComposioAuthConfig -Toolkit github -Name 'host-lifecycle'
'read:' + (Get-ComposioAuthConfig -Id $created.Id).Name
'listed:' + @(Get-ComposioAuthConfig -Toolkit github | Where-Object Id -eq $created.Id).Count
Remove-ComposioAuthConfig -Id $created.Id -Force
'created:' + $created.Id
'@ + "`n" + $HostFacts
        $output = (Invoke-UserPwsh $userHome $script -Environment $environment -ModuleHost).Output
        $output | Should -Contain 'read:host-lifecycle'
        $output | Should -Contain 'listed:1'
        $id = ($output | Where-Object { $_ -like 'created:*' }).Substring(8)
        $post = @(Get-WireRequest $emulator POST '/api/*/auth_configs')
        $post.Count | Should -Be 1
        # .NET Framework's HttpWebRequest would add Expect: 100-continue to a request with a body.
        $headers = $post[0].headers.PSObject.Properties
        @($headers | Where-Object Name -eq 'Expect') | Should -BeNullOrEmpty
        $agent = @($headers | Where-Object Name -eq 'User-Agent')
        $agent.Count | Should -Be 1
        $agent[0].Value | Should -Match 'PowerShell \d+\.\d+'
        @(Get-WireRequest $emulator DELETE "/api/*/auth_configs/$id").Count | Should -Be 1
        $output | Should -Contain "edition:$edition"
        $client = ($output | Where-Object { $_ -like 'client:*' }).Substring(7)
        $client | Should -BeLike (Join-Path (Split-Path $ModuleManifest) 'dependencies' '*')
        if ($edition -eq 'Core') {
            $output | Should -Contain 'context:Composio'
        }
        else {
            # .NET Framework: no load context; the first connection enabled TLS 1.2 and the connections -ThrottleLimit needs.
            $output | Where-Object { $_ -like 'context:*' } | Should -BeNullOrEmpty
            $output | Should -Contain 'tls12:True'
            [int](($output | Where-Object { $_ -like 'connections:*' }).Substring(12)) | Should -BeGreaterOrEqual 32
        }
    }

    It 'exports a non-ASCII name to a .psd1 (UTF-8, no BOM) and syncs it back unchanged' {
        $file = Join-Path $userHome 'équipe.psd1'
        $script = $import + "`$file = $(ConvertTo-Literal $file)`n" + @'
Connect-Composio | Out-Null
$created = New-ComposioAuthConfig -Toolkit github -Name 'équipe-ñ-東京'
Export-ComposioAuthConfig -Path $file -Toolkit github -Name $created.Name
Sync-ComposioAuthConfig -Path $file | ForEach-Object { 'sync:{0}|{1}' -f $_.Action, $_.Name }
'@
        $writesBefore = @(Get-WireRequest $emulator | Where-Object { $_.method -ne 'GET' -and $_.path -like '/api/*' }).Count
        $output = (Invoke-UserPwsh $userHome $script -Environment $environment -ModuleHost).Output
        $bytes = [IO.File]::ReadAllBytes($file)
        $bytes[0] | Should -Not -Be 0xEF -Because 'Export writes UTF-8 without a BOM'
        [Text.Encoding]::UTF8.GetString($bytes) | Should -Match 'équipe-ñ-東京'
        # Windows PowerShell's parser would read the file as ANSI and see another name: an update or a create.
        $output | Should -Contain 'sync:Unchanged|équipe-ñ-東京'
        @(Get-WireRequest $emulator | Where-Object { $_.method -ne 'GET' -and $_.path -like '/api/*' }).Count | Should -Be ($writesBefore + 1) -Because 'only the create writes'
    }

    It 'works beside another module''s older dependencies imported <When>' -ForEach @(@{ Order = 'OlderFirst'; When = 'first' }, @{ Order = 'OlderAfter'; When = 'after it' }) {
        $modules = Get-UserModulePath $userHome
        if ($edition -eq 'Core') {
            # PowerShell 7 keeps its own System.Text.Json; another module's Microsoft.Extensions.* 8.0 is the clash.
            New-OlderExtensionsModule $modules
            $script = Get-OlderExtensionsScript $ModuleManifest $Order
            $output = (Invoke-UserPwsh $userHome $script -Environment $environment -ModuleHost).Output
            Assert-OlderExtensionsResult $output
            return
        }
        # Windows PowerShell: what Az.Accounts or Microsoft.Graph.Authentication bring, loaded with
        # LoadFrom into the one AppDomain: System.Text.Json 8, Microsoft.Extensions.* 8, System.Memory...
        $older = New-Item -ItemType Directory -Force (Join-Path $modules 'OlderDependencies')
        dotnet build (Join-Path $RepoRoot 'tools/OlderDependencies') -c Release -o $older.FullName --nologo -v quiet | Out-Null
        $LASTEXITCODE | Should -Be 0
        $useOlder = @"
foreach (`$dll in Get-ChildItem $(ConvertTo-Literal $older.FullName) -Filter *.dll) { [Reflection.Assembly]::LoadFrom(`$dll.FullName) | Out-Null }
`$stj = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'System.Text.Json' -and `$_.GetName().Version.Major -eq 8 }
'older-json:' + `$stj.GetType('System.Text.Json.JsonDocument').GetMethod('Parse', [type[]]@([string], `$stj.GetType('System.Text.Json.JsonDocumentOptions'))).Invoke(`$null, @('{"a":8}', `$null)).RootElement.GetProperty('a').GetInt32()
"@
        $useComposio = @'
Connect-Composio | Out-Null
'read:' + (Get-ComposioAuthConfig -Id (New-ComposioAuthConfig -Toolkit github -Name 'beside-older').Id).Name
'@
        $steps = if ($Order -eq 'OlderFirst') { $useOlder, $import, $useComposio } else { $import, $useComposio, $useOlder, $useComposio }
        $report = @'
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'System.Text.Json', 'Microsoft.Extensions.Http', 'Microsoft.Bcl.AsyncInterfaces' } |
    ForEach-Object { 'asm:{0}|{1}' -f $_.GetName().Name, $_.GetName().Version.Major }
'@
        $output = (Invoke-UserPwsh $userHome (($steps + $report) -join "`n") -Environment $environment -ModuleHost).Output
        $output | Should -Contain 'older-json:8'
        $output | Should -Contain 'read:beside-older'
        # Side by side: the other module's 8.x and our 10.x, neither replaced by the other.
        foreach ($name in 'System.Text.Json', 'Microsoft.Extensions.Http') {
            $output | Should -Contain "asm:$name|8"
            $output | Should -Contain "asm:$name|10"
        }
    }
}

Describe 'The .NET Framework path, forced on PowerShell 7' {
    It 'PrepareHttp adds TLS 1.2 and raises the connection limit on Framework, and only adds' {
        $output = Invoke-FreshPwsh ($Reflect + @'
$framework = New-Facts $false
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls
[Net.ServicePointManager]::DefaultConnectionLimit = 2
Invoke-Member $framework 'PrepareHttp'
'pinned:' + [Net.ServicePointManager]::SecurityProtocol + '|' + [Net.ServicePointManager]::DefaultConnectionLimit
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::SystemDefault
[Net.ServicePointManager]::DefaultConnectionLimit = 64
Invoke-Member $framework 'PrepareHttp'
'systemdefault:' + [Net.ServicePointManager]::SecurityProtocol + '|' + [Net.ServicePointManager]::DefaultConnectionLimit
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls
[Net.ServicePointManager]::DefaultConnectionLimit = 2
Invoke-Member (New-Facts $true) 'PrepareHttp'
'core:' + [Net.ServicePointManager]::SecurityProtocol + '|' + [Net.ServicePointManager]::DefaultConnectionLimit
'context:' + ($null -eq (Invoke-Member $framework 'CreateLoadContext' @('x'))) + '|' + ($null -ne (Invoke-Member (New-Facts $true) 'CreateLoadContext' @('x')))
'@)
        $output | Should -Contain 'pinned:Tls, Tls12|32'
        $output | Should -Contain 'systemdefault:SystemDefault|64'
        $output | Should -Contain 'core:Tls|2'
        $output | Should -Contain 'context:True|True'
    }

    It 'loads a dependency with LoadFrom on Framework, into the named context otherwise' {
        $output = Invoke-FreshPwsh ($Reflect + @'
$path = Join-Path (Split-Path $asm.Location) 'dependencies/Microsoft.Extensions.Http.dll'
$framework = New-Facts $false
$core = New-Facts $true
foreach ($case in @(@('framework', $framework, $null), @('core', $core, (Invoke-Member $core 'CreateLoadContext' @('Forced'))))) {
    $context = if ($null -ne $case[2]) { $case[2].psobject.BaseObject }
    $loaded = Invoke-Member $case[1] 'Load' ([object[]]@([string]$path, $context))
    '{0}:{1}|{2}' -f $case[0], [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($loaded).Name, ($loaded.Location -eq $path)
}
'@)
        # LoadFrom is the only way in on .NET Framework; on .NET it lands in the default context.
        $output | Should -Contain 'framework:Default|True'
        $output | Should -Contain 'core:Forced|True'
    }

    It 'on PowerShell 7 the first connection leaves the process''s HTTP settings alone' {
        $output = Invoke-FreshPwsh @'
[Net.ServicePointManager]::DefaultConnectionLimit = 2
$before = [Net.ServicePointManager]::SecurityProtocol
Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_platform' -AsPlainText -Force) -BaseUri http://127.0.0.1:9 -SkipCheck | Out-Null
'same:' + ($before -eq [Net.ServicePointManager]::SecurityProtocol) + '|' + [Net.ServicePointManager]::DefaultConnectionLimit
'@
        $output | Should -Contain 'same:True|2'
    }

    It 'answers only its own requests, up to its own versions, with another module''s Microsoft.Extensions 8.0 loaded first' {
        $userHome = New-TestUserHome 'dependency folder'
        try {
            New-OlderExtensionsModule (Get-UserModulePath $userHome)
            $script = "Import-Module OlderExtensions; Import-Module $(ConvertTo-Literal $ModuleManifest)`n" + $Reflect + @'
$folder = [Activator]::CreateInstance($folderType, $flags, $null, [object[]]@([string](Split-Path $asm.Location)), $null)
$foreign = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Options' -and $_.GetName().Version.Major -eq 8 }
'foreign:' + $foreign.GetName().Version
$token = 'PublicKeyToken=adb9793829ddae60'
# A script's own types live in a dynamic assembly: not a file of ours.
class ScriptType {}
$dynamic = [ScriptType].Assembly
$cases = [ordered]@{
    'older-by-unknown'   = @("Microsoft.Extensions.Primitives, Version=8.0.0.0, Culture=neutral, $token", $null)
    'older-by-foreign'   = @("Microsoft.Extensions.Primitives, Version=8.0.0.0, Culture=neutral, $token", $foreign)
    'same-by-module'     = @("Microsoft.Extensions.Primitives, Version=10.0.0.0, Culture=neutral, $token", $asm)
    'newer-by-module'    = @("Microsoft.Extensions.Primitives, Version=11.0.0.0, Culture=neutral, $token", $asm)
    'other-token'        = @('Microsoft.Extensions.Primitives, Version=10.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef', $asm)
    'not-ours'           = @("Microsoft.Extensions.Hosting, Version=8.0.0.0, Culture=neutral, $token", $null)
    'client-by-module'   = @('Composio.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null', $asm)
    'same-by-dynamic'    = @("Microsoft.Extensions.Primitives, Version=10.0.0.0, Culture=neutral, $token", $dynamic)
    'other-culture'      = @("Microsoft.Extensions.Primitives, Version=10.0.0.0, Culture=fr, $token", $asm)
}
foreach ($case in $cases.GetEnumerator()) {
    $path = Invoke-Member $folder 'Choose' ([object[]]@([Reflection.AssemblyName]::new($case.Value[0]), [Reflection.Assembly]$case.Value[1]))
    '{0}:{1}' -f $case.Key, $(if ($path) { Split-Path $path -Leaf } else { 'none' })
}
'@
            $output = (Invoke-UserPwsh $userHome $script).Output
            $output | Should -Contain 'foreign:8.0.0.0'
            $output | Should -Contain 'older-by-unknown:Microsoft.Extensions.Primitives.dll' -Because 'an older request is redirected up to ours, as a binding redirect would'
            $output | Should -Contain 'older-by-foreign:none' -Because 'another module''s request is left to that module'
            $output | Should -Contain 'same-by-module:Microsoft.Extensions.Primitives.dll'
            $output | Should -Contain 'newer-by-module:none'
            $output | Should -Contain 'other-token:none'
            $output | Should -Contain 'not-ours:none'
            $output | Should -Contain 'client-by-module:Composio.Client.dll'
            $output | Should -Contain 'same-by-dynamic:none' -Because 'a dynamic assembly (a script''s class) is not ours: only our files ask'
            $output | Should -Contain 'other-culture:none' -Because 'the full name is checked, culture included'
        }
        finally { Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
