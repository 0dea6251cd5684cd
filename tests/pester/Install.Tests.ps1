# The package as users get it: installed with PSResourceGet or PowerShellGet 2 from a folder
# repository, by a user whose HOME path holds a space, then imported BY NAME in a new pwsh and
# used against the emulator. Installs go to each user's own module folder; nothing touches the
# network (the users' PSGallery registration is removed first) or the test runner's settings.
# Needs out/Composio.<version>.nupkg: `build.ps1 Test` packs it before the Pester run.

BeforeDiscovery {
    # User isolation rests on HOME and the XDG folders, which Windows does not use for module paths.
    $SkipInstall = $IsWindows
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'UserHome.ps1')
    . (Join-Path $PSScriptRoot 'OlderExtensions.ps1')

    $Nupkg = Join-Path $RepoRoot "out/Composio.$ModuleVersion.nupkg"
    if (-not (Test-Path $Nupkg)) { throw "No package at ${Nupkg}: run ./build.ps1 Package (build.ps1 Test does)." }
    $work = Join-Path ([IO.Path]::GetTempPath()) "composio install $([guid]::NewGuid().ToString('N').Substring(0, 6))"
    $Feed = (New-Item -ItemType Directory -Force (Join-Path $work 'package feed')).FullName
    Copy-Item $Nupkg $Feed

    # The next patch version, packed from a copy of the built module with its manifest edited.
    $v = [version]$ModuleVersion
    $NextVersion = '{0}.{1}.{2}' -f $v.Major, $v.Minor, ($v.Build + 1)
    $next = Join-Path $work 'next/Composio'
    Copy-Item (Split-Path $ModuleManifest) $next -Recurse
    $nextManifest = Join-Path $next 'Composio.psd1'
    $text = (Get-Content -Raw $nextManifest) -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']+'", "`${1}'$NextVersion'"
    [IO.File]::WriteAllText($nextManifest, $text, [Text.UTF8Encoding]::new($true))
    & (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1') -ModulePath $next -OutputPath $Feed | Out-Null

    $emulator = Start-ComposioEmulator
    $EmulatorEnvironment = Get-EmulatorEnvironment $emulator
    $FeedLiteral = ConvertTo-Literal $Feed

    # Imports Composio by name (optionally one version), says which one and from where, and uses it.
    function Get-ImportScript([string] $RequiredVersion) {
        $import = if ($RequiredVersion) { "Import-Module Composio -RequiredVersion '$RequiredVersion'" } else { 'Import-Module Composio' }
        @"
$import
`$module = Get-Module Composio
'version:' + `$module.Version
'base:' + `$module.ModuleBase
Connect-Composio | Out-Null
'toolkit:' + (Get-ComposioToolkit github).Slug
"@
    }

    function Get-Line([string[]] $Output, [string] $Prefix) {
        @($Output | Where-Object { $_.StartsWith("${Prefix}:") } | ForEach-Object { $_.Substring($Prefix.Length + 1) })
    }
}

AfterAll {
    if ($emulator) { $emulator | Stop-ComposioEmulator }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The package' {
    It 'is named after the manifest''s version, and the feed also holds the next patch for the upgrade tests' {
        Get-ChildItem $Feed -Filter *.nupkg | ForEach-Object Name | Sort-Object |
            Should -Be (@("Composio.$ModuleVersion.nupkg", "Composio.$NextVersion.nupkg") | Sort-Object)
    }
}

Describe 'Install-PSResource from a folder repository' -Skip:$SkipInstall {
    BeforeAll {
        $userHome = New-TestUserHome 'psresourceget'
        $installed = Join-Path (Get-UserModulePath $userHome) "Composio/$ModuleVersion"
        New-OlderExtensionsModule (Get-UserModulePath $userHome)
        Invoke-UserPwsh $userHome @"
Unregister-PSResourceRepository -Name PSGallery -ErrorAction SilentlyContinue
Register-PSResourceRepository -Name Feed -Uri $FeedLiteral -Trusted
Install-PSResource -Name Composio -Version '$ModuleVersion' -Repository Feed -Scope CurrentUser
"@ | Out-Null
    }
    AfterAll { Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue }

    It 'installs the module folder as it ships into the user''s module path' {
        Join-Path $installed 'Composio.psd1' | Should -Exist
        $shipped = @(Get-ChildItem (Split-Path $ModuleManifest) -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath((Split-Path $ModuleManifest), $_.FullName) } | Sort-Object)
        # PSResourceGet adds its own record of the install; everything else is the module's.
        $got = @(Get-ChildItem $installed -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($installed, $_.FullName) } |
                Where-Object { $_ -ne 'PSGetModuleInfo.xml' } | Sort-Object)
        $got | Should -Be $shipped
    }

    It 'is imported by name in a new pwsh and works against the emulator' {
        $output = (Invoke-UserPwsh $userHome (Get-ImportScript) -Environment $EmulatorEnvironment).Output
        Get-Line $output 'version' | Should -Be $ModuleVersion
        Get-Line $output 'base' | Should -Be $installed
        Get-Line $output 'toolkit' | Should -Be 'github'
    }

    It 'works with another module''s Microsoft.Extensions.* 8.0 imported <When>' -ForEach @(
        @{ Order = 'OlderFirst'; When = 'first' }
        @{ Order = 'OlderAfter'; When = 'after it' }
    ) {
        $result = Invoke-UserPwsh $userHome (Get-OlderExtensionsScript 'Composio' $Order) -Environment $EmulatorEnvironment
        Assert-OlderExtensionsResult $result.Output
    }
}

Describe 'Install-Module (PowerShellGet 2) from a folder repository' -Skip:$SkipInstall {
    BeforeAll {
        $userHome = New-TestUserHome 'powershellget'
        $installed = Join-Path (Get-UserModulePath $userHome) "Composio/$ModuleVersion"
        # A fresh user of PowerShellGet 2 has no repository at all, so only Feed can answer.
        Invoke-UserPwsh $userHome @"
Import-Module PowerShellGet -MaximumVersion 2.99
Register-PSRepository -Name Feed -SourceLocation $FeedLiteral -InstallationPolicy Trusted
Install-Module -Name Composio -RequiredVersion '$ModuleVersion' -Repository Feed -Scope CurrentUser
"@ | Out-Null
    }
    AfterAll { Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue }

    It 'is imported by name in a new pwsh and works against the emulator' {
        $output = (Invoke-UserPwsh $userHome (Get-ImportScript) -Environment $EmulatorEnvironment).Output
        Get-Line $output 'version' | Should -Be $ModuleVersion
        Get-Line $output 'base' | Should -Be $installed
        Get-Line $output 'toolkit' | Should -Be 'github'
    }

    # Last in this block: it deletes the installed module's help.
    It 'gets its help back from Update-Help -SourcePath out/help after its en-US folder is gone' {
        Remove-Item (Join-Path $installed 'en-US') -Recurse -Force
        $helpSource = ConvertTo-Literal (Join-Path $RepoRoot 'out/help')
        $before = (Invoke-UserPwsh $userHome @"
'synopsis:' + (Get-Help New-ComposioAuthConfig).Synopsis.Trim()
Update-Help -Module Composio -SourcePath $helpSource -UICulture en-US -Force
"@).Output
        # Without help, Get-Help makes the synopsis from the syntax: proof the help really was gone.
        Get-Line $before 'synopsis' | Should -BeLike 'New-ComposioAuthConfig *'
        Join-Path $userHome ".local/share/powershell/Help/Composio/$ModuleVersion/en-US/Composio.PowerShell.dll-Help.xml" | Should -Exist

        $help = (Invoke-UserPwsh $userHome 'Get-Help New-ComposioAuthConfig -Full | Out-String -Width 4000').Output -join "`n"
        foreach ($heading in 'NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $help | Should -Match "(?m)^$heading\s*$"
        }
        $help | Should -Match 'Creates a Composio auth config for a toolkit'
        $help | Should -Match 'Auth configs are created once and reused many times'
        $help | Should -Match '-+ Example 1'
        $help | Should -Match 'New-ComposioAuthConfig -Toolkit github'
        $help | Should -Match 'Online Version: https://\S+/docs/New-ComposioAuthConfig\.md'
    }
}

Describe 'Upgrading to the next patch with Update-PSResource' -Skip:$SkipInstall {
    BeforeAll {
        $userHome = New-TestUserHome 'upgrade'
        $modules = Join-Path (Get-UserModulePath $userHome) 'Composio'
        $setup = "Unregister-PSResourceRepository -Name PSGallery -ErrorAction SilentlyContinue`nRegister-PSResourceRepository -Name Feed -Uri $FeedLiteral -Trusted`n"
        $upgrade = (Invoke-UserPwsh $userHome @"
$setup
Install-PSResource -Name Composio -Version '$ModuleVersion' -Repository Feed -Scope CurrentUser
Update-PSResource -Name Composio -Repository Feed -Scope CurrentUser
Get-InstalledPSResource -Name Composio | ForEach-Object { 'installed:' + `$_.Version }
"@).Output
    }
    AfterAll { Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue }

    It 'leaves both versions side by side' {
        Get-Line $upgrade 'installed' | Sort-Object | Should -Be (@($ModuleVersion, $NextVersion) | Sort-Object)
        Join-Path $modules "$ModuleVersion/Composio.psd1" | Should -Exist
        Join-Path $modules "$NextVersion/Composio.psd1" | Should -Exist
    }

    It 'imports the newest by name, and it works' {
        $output = (Invoke-UserPwsh $userHome (Get-ImportScript) -Environment $EmulatorEnvironment).Output
        Get-Line $output 'version' | Should -Be $NextVersion
        Get-Line $output 'base' | Should -Be (Join-Path $modules $NextVersion)
        Get-Line $output 'toolkit' | Should -Be 'github'
    }

    It 'still imports the older one with -RequiredVersion, and it works' {
        $output = (Invoke-UserPwsh $userHome (Get-ImportScript $ModuleVersion) -Environment $EmulatorEnvironment).Output
        Get-Line $output 'version' | Should -Be $ModuleVersion
        Get-Line $output 'base' | Should -Be (Join-Path $modules $ModuleVersion)
        Get-Line $output 'toolkit' | Should -Be 'github'
    }

    It 'Uninstall-PSResource removes both' {
        $output = (Invoke-UserPwsh $userHome @"
Uninstall-PSResource -Name Composio -Version '*' -Scope CurrentUser
'left:' + @(Get-InstalledPSResource -Name Composio -ErrorAction SilentlyContinue).Count
'available:' + @(Get-Module Composio -ListAvailable).Count
"@).Output
        Get-Line $output 'left' | Should -Be '0'
        Get-Line $output 'available' | Should -Be '0'
        @(Get-ChildItem $modules -Recurse -File -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}
